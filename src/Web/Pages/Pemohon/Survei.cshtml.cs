using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>
/// The Survei Kepuasan Masyarakat (PermenPANRB 14/2017) of one decided application: nine elements, each on the scale 1–4
/// with the regulation's wording; once, after the decision (Signing decides; this page shows its answer).
/// </summary>
public sealed class SurveiModel(GatewayClient gateway) : FormPage
{
    /// <summary>The elements U1–U9: the question, and the answers from 1 (worst) to 4 (best).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Question, string[] Scale)> Elements =
    [
        ("U1", "Persyaratan", "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        ("U2", "Sistem, mekanisme dan prosedur", "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
        ("U3", "Waktu penyelesaian", "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
        ("U4", "Biaya/tarif", "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
        ("U5", "Produk spesifikasi jenis pelayanan",
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
            ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        ("U6", "Kompetensi pelaksana", "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
        ("U7", "Perilaku pelaksana", "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
        ("U8", "Penanganan pengaduan, saran dan masukan", "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
        ("U9", "Sarana dan prasarana", "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            ["Buruk", "Cukup", "Baik", "Sangat baik"]),
    ];

    [BindProperty] public Dictionary<string, int?> Jawaban { get; set; } = [];

    public ApplicantFile Application { get; private set; } = null!;

    public SurveyInvitationView Invitation { get; private set; } = null!;

    public bool Thanked { get; private set; }

    public async Task OnGetAsync(Guid id, bool terkirim, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Thanked = terkirim;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Invitation.Open)
            return Page();
        foreach (var element in Elements)
        {
            if (Jawaban.GetValueOrDefault(element.Code) is not (>= 1 and <= 4))
                AddError($"{element.Code}-1", $"Pilih jawaban untuk {element.Code} ({element.Name}).");
        }

        if (Errors.Count > 0)
            return Page();
        try
        {
            await gateway.SubmitSurveyAsync(id, Elements.Select(e => Jawaban[e.Code]!.Value).ToList(), ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            AddErrors(problem, Elements.ToDictionary(e => e.Code, e => $"{e.Code}-1"), "U1-1");
            return Page();
        }

        return Redirect($"/permohonan/{id}/survei?terkirim=true");
    }

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: false, ct);
        Invitation = await gateway.SurveyInvitationAsync(id, ct);
    }
}
