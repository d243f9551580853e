using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Admin;

/// <summary>
/// The administrator's view of the audit log (issue 14 point 5): every user action, newest first, with filters, paging,
/// the CSV download and the chain's verification. The Gateway's /api/v1/audit answers; the page only asks.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(AuthenticationSchemes = Session.WebSession.Scheme, Roles = "Administrator")]
public sealed class AuditModel(GatewayClient gateway) : FormPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Dari { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sampai { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pengguna { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tindakan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Permohonan { get; set; }
    [BindProperty(SupportsGet = true)] public long? Sebelum { get; set; }

    public AuditPage? Log { get; private set; }

    public AuditVerification? Verification { get; private set; }

    /// <summary>The filters as this page's own query string (for the next page and the CSV link).</summary>
    public string Filters => Query(page: false, api: false);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Validate();
        Verification = await gateway.VerifyAuditAsync(ct);
        if (Errors.Count > 0)
            return;
        try
        {
            Log = await gateway.AuditAsync(Query(page: true, api: true), ct);
        }
        catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            AddErrors(problem, new Dictionary<string, string> { ["from"] = "dari", ["to"] = "sampai", ["user"] = "pengguna", ["action"] = "tindakan",
                ["applicationId"] = "permohonan" }, "dari");
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Validate();
        if (Errors.Count > 0)
        {
            Verification = await gateway.VerifyAuditAsync(ct);
            return Page();
        }

        var response = await gateway.AuditCsvAsync(Query(page: false, api: true), ct);
        HttpContext.Response.RegisterForDispose(response);
        return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), "text/csv") { FileDownloadName = "log-audit.csv" };
    }

    void Validate()
    {
        if (Dari is { Length: > 0 } && Date(Dari) is null)
            AddError("dari", "Isi tanggal awal dengan benar (tanggal antara tahun 2000 dan 2100).");
        if (Sampai is { Length: > 0 } && Date(Sampai) is null)
            AddError("sampai", "Isi tanggal akhir dengan benar (tanggal antara tahun 2000 dan 2100).");
        if (Date(Dari) is { } from && Date(Sampai) is { } to && to < from)
            AddError("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.");
        if (Permohonan is { Length: > 0 } && !Guid.TryParse(Permohonan.Trim(), out _))
            AddError("permohonan", "Nomor permohonan adalah kode seperti 3f2a…-…; salin dari halaman berkas.");
    }

    static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : null;

    /// <summary>
    /// The filters as a query string: the API's names (the end date counts whole, so "to" is the next day) or this page's.
    /// </summary>
    string Query(bool page, bool api)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }

        Add(api ? "from" : "dari", api ? Date(Dari)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Dari);
        Add(api ? "to" : "sampai", api ? Date(Sampai)?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Sampai);
        Add(api ? "user" : "pengguna", Pengguna);
        Add(api ? "action" : "tindakan", Tindakan);
        Add(api ? "applicationId" : "permohonan", Permohonan);
        if (page && api)
        {
            parts.Add($"pageSize={PageSize}");
            if (Sebelum is > 0)
                parts.Add($"before={Sebelum}");
        }

        return string.Join("&", parts);
    }

    /// <summary>The API's audited actions (<c>METHOD route</c>) in words, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<(string Action, string Words)> Actions =
    [
        ("POST auth/login", "Masuk"),
        ("POST auth/password", "Mengganti kata sandi"),
        ("POST auth/password-reset", "Meminta atur ulang kata sandi"),
        ("POST auth/password-reset/confirm", "Mengatur ulang kata sandi"),
        ("POST registrations", "Mendaftarkan akun pemohon"),
        ("POST registrations/{id}/approve", "Menyetujui pendaftaran akun"),
        ("POST registrations/{id}/reject", "Menolak pendaftaran akun"),
        ("POST applications", "Membuat permohonan"),
        ("PUT applications/{id}", "Mengubah data usaha"),
        ("PUT applications/{id}/documents/{requirementCode}", "Mengunggah dokumen persyaratan"),
        ("GET applications/{id}/documents/{requirementCode}", "Membuka dokumen persyaratan"),
        ("POST applications/{id}/submit", "Mengajukan permohonan"),
        ("POST applications/{id}/resubmit", "Mengajukan kembali permohonan"),
        ("POST applications/{id}/withdrawal", "Membatalkan permohonan"),
        ("POST applications/{id}/completeness", "Memeriksa kelengkapan berkas"),
        ("GET applications/{id}/receipt", "Mengunduh tanda terima"),
        ("POST applications/{id}/technical-data", "Mengisi data teknis dan menjadwalkan kajian"),
        ("POST applications/{id}/review-schedule", "Mengubah jadwal kajian teknis"),
        ("PUT applications/{id}/inspection-report", "Mengunggah Berita Acara Pemeriksaan (BAP)"),
        ("GET applications/{id}/inspection-report", "Membuka Berita Acara Pemeriksaan (BAP)"),
        ("POST applications/{id}/technical-recommendation", "Memberikan rekomendasi teknis"),
        ("POST applications/{id}/draft", "Menyusun draf keputusan"),
        ("GET applications/{id}/draft", "Membuka draf keputusan"),
        ("POST applications/{id}/verification", "Memverifikasi dan memvalidasi draf"),
        ("POST applications/{id}/signature", "Menandatangani keputusan (TTE)"),
        ("GET applications/{id}/decision", "Mengunduh keputusan"),
        ("POST applications/{id}/revocation", "Mencabut izin"),
        ("POST applications/{id}/survey", "Mengisi Survei Kepuasan Masyarakat (SKM)"),
        ("POST verify", "Memverifikasi dokumen (unggah berkas)"),
        ("POST officers", "Membuat akun petugas"),
        ("PUT officers/{id}", "Mengubah akun petugas"),
        ("POST officers/{id}/deactivation", "Menonaktifkan akun petugas"),
        ("POST officers/{id}/reactivation", "Mengaktifkan kembali akun petugas"),
        ("POST officers/{id}/password-reset", "Mengatur ulang kata sandi petugas"),
        ("PUT calendar/{year}", "Mengubah kalender kerja"),
        ("POST ops/faults/{id}/replay", "Mengirim ulang pesan gangguan"),
        ("POST ops/faults/{id}/discard", "Membuang pesan gangguan"),
    ];

    static readonly Dictionary<string, string> ActionWordsByName = Actions.ToDictionary(a => a.Action, a => a.Words, StringComparer.Ordinal);

    /// <summary>What the action was, in words; an action this page does not know yet by the API's name.</summary>
    public static string ActionWords(string action) => ActionWordsByName.GetValueOrDefault(action, action);

    /// <summary>One part of an entry's target (<c>name=value</c>, <c>;</c>-separated), in words, with a link where it names something the administrator can open.</summary>
    public sealed record TargetPart(string Words, string? Value, string? Link);

    public static IReadOnlyList<TargetPart> TargetWords(string action, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
            return [];
        return target.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (name, value) = part.IndexOf('=') is var i and > 0 ? (part[..i], part[(i + 1)..]) : ("", part);
            return name switch
            {
                "requirementCode" => new TargetPart("Dokumen", value, null),
                "year" => new TargetPart("Tahun", value, null),
                "id" when action.Contains(" officers/", StringComparison.Ordinal) && Guid.TryParse(value, out var officer) =>
                    new TargetPart("Akun petugas", value, $"/admin/petugas/{officer}"),
                "id" when action.Contains(" registrations/", StringComparison.Ordinal) => new TargetPart("Pendaftaran", value, null),
                "id" when action.Contains(" ops/faults/", StringComparison.Ordinal) => new TargetPart("Gangguan", value, "/admin/gangguan?semua=true"),
                _ => new TargetPart(name.Length == 0 ? "Sasaran" : name, value, null),
            };
        }).ToList();
    }

    public static string OutcomeWords(string outcome) => outcome switch
    {
        "Accepted" => "Diterima",
        "Refused" => "Ditolak",
        _ => "Gagal",
    };
}
