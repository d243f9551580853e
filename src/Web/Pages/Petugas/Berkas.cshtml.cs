using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Calendar;
using Ptsp.Web.Display;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>
/// The file's page for officers: everything needed to decide on one screen, and at the bottom the action form of its
/// step (SOP steps 4–10) for the role whose desk it is on. Every action is confirmed before it is sent; afterwards the
/// page shows the file at its next step.
/// </summary>
[RequestSizeLimit(VerifikasiModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = VerifikasiModel.UploadLimit)]
public sealed class BerkasModel(GatewayClient gateway, CalendarOptions calendar, TimeProvider time, Words words) : FormPage
{
    [BindProperty] public bool Yakin { get; set; }
    [BindProperty] public string? Keputusan { get; set; }
    [BindProperty] public List<string> Kurang { get; set; } = [];
    [BindProperty] public string? Catatan { get; set; }
    [BindProperty] public string? DataTeknis { get; set; }
    [BindProperty] public string? JenisKajian { get; set; }
    [BindProperty] public string? Jadwal { get; set; }
    [BindProperty] public string? Lokasi { get; set; }
    [BindProperty] public string? Naskah { get; set; }
    [BindProperty] public IFormFile? Bap { get; set; }
    [BindProperty] public string? Alasan { get; set; }

    /// <summary>After step 10: the agency head may revoke an issued permit.</summary>
    public bool MayRevoke => Detail.Status == "Issued" && User.IsInRole("AgencyHead");

    public ApplicationDetail Detail { get; private set; } = null!;

    public PermitType Type { get; private set; } = null!;

    /// <summary>The signed-in officer holds the role the file waits for.</summary>
    public bool MyTurn => Detail.CurrentStep is not null && Detail.AssignedRole is { } role && User.IsInRole(role);

    /// <summary>The form was valid: the page asks "are you sure?" with what will be sent.</summary>
    public IReadOnlyList<(string Label, string Value)>? Confirmation { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, int? sebelum, string? bap, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // The API answered 202: wait a moment for the file to reach its next step and its next desk (between two
        // services a file is briefly on no one's desk, e.g. while Technical opens it after the receipt).
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (sebelum is { } count && (Detail.History.Count <= count || (Detail.CurrentStep is not null && Detail.AssignedRole is null))
               && time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
            Detail = await gateway.ApplicationAsync(id, ct);
        }

        if (sebelum is not null)
            Notice = "Tindakan Anda sudah dikirim. " + (Detail.CurrentStep is { } step
                ? $"Berkas sekarang pada langkah {step}, di meja {Words.Role(Detail.AssignedRole)}."
                : $"Status berkas: {Words.Status(Detail.Status)}.");
        else if (bap is not null)
            Notice = "Berita Acara Pemeriksaan (BAP) sudah diunggah.";
        PrefillDefaults();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!MyTurn)
            return Redirect("/tidak-berwenang");
        var (action, body, summary) = Validate();
        if (Errors.Count > 0 || action is null)
            return Page();
        if (!Yakin)
        {
            Confirmation = summary;
            return Page();
        }

        try
        {
            await gateway.ActAsync(id, action, body!, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            // The owning service's refusal (e.g. the BAP is still missing) belongs on the form, not on an error page.
            AddError(FirstField(), problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title);
            return Page();
        }

        return Redirect($"/tugas/{id}?sebelum={Detail.History.Count}");
    }

    /// <summary>SOP step 6: the inspection report (BAP), a PDF.</summary>
    public async Task<IActionResult> OnPostBapAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!MyTurn || Detail.CurrentStep != 6)
            return Redirect("/tidak-berwenang");
        if (Bap is null || Bap.Length == 0)
            AddError("bap", "Pilih berkas PDF Berita Acara Pemeriksaan.");
        else if (Bap.Length > VerifikasiModel.TenMegabytes)
            AddError("bap", "Berkas melebihi batas 10 MB.");
        if (Errors.Count > 0)
            return Page();
        try
        {
            await using var pdf = Bap!.OpenReadStream();
            await gateway.UploadInspectionReportAsync(id, pdf, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 413 or 415)
        {
            AddError("bap", problem.Status == 415 ? "BAP harus berupa berkas PDF." : problem.Title);
            return Page();
        }

        return Redirect($"/tugas/{id}?bap=1");
    }

    /// <summary>The agency head revokes the issued permit with a reason (Signing decides whether it can be).</summary>
    public async Task<IActionResult> OnPostCabutAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!User.IsInRole("AgencyHead"))
            return Redirect("/tidak-berwenang");
        if (string.IsNullOrWhiteSpace(Alasan))
            AddError("alasan", "Tulis alasan pencabutan izin.");
        if (!Yakin)
            AddError("yakin-cabut", "Centang pernyataan bahwa Anda yakin mencabut izin ini.");
        if (Errors.Count > 0)
            return Page();
        try
        {
            await gateway.ActAsync(id, "revocation", new { reason = Alasan!.Trim() }, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            AddError("alasan", problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title);
            return Page();
        }

        return Redirect($"/tugas/{id}?sebelum={Detail.History.Count}");
    }

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = await gateway.ApplicationAsync(id, ct);
        Type = (await gateway.PermitTypesAsync(ct)).FirstOrDefault(t => t.Code == Detail.PermitTypeCode)
               ?? throw new GatewayProblem(StatusCodes.Status404NotFound, "Jenis izin berkas ini tidak lagi ada dalam katalog.");
    }

    void PrefillDefaults()
    {
        if (Detail.CurrentStep == 5)
        {
            JenisKajian ??= Type.TechnicalReview.Kind;
            Jadwal ??= TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone).Date.AddDays(1).AddHours(9).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }
    }

    string FirstField() => Detail.CurrentStep switch
    {
        4 => "keputusan-lengkap",
        5 => "dataTeknis",
        6 => "keputusan-Approve",
        7 => "keputusan-Permit",
        _ => "keputusan-setuju",
    };

    /// <summary>The step's form as the API's request, and what the confirmation shows; errors where a field is wrong.</summary>
    (string? Action, object? Body, List<(string, string)> Summary) Validate()
    {
        var summary = new List<(string, string)>();
        var note = Catatan?.Trim();
        switch (Detail.CurrentStep)
        {
            case 4:
                if (Keputusan == "lengkap")
                {
                    summary.Add(("Keputusan", "Berkas lengkap: tanda terima diterbitkan, berkas diteruskan ke Petugas Back Office"));
                    return ("completeness", new { complete = true }, summary);
                }

                if (Keputusan != "tidak")
                {
                    AddError("keputusan-lengkap", "Pilih apakah berkas lengkap atau tidak lengkap.");
                    return (null, null, summary);
                }

                var missing = Type.RequiredDocuments.Where(d => Kurang.Contains(d.Code)).ToList();
                if (missing.Count == 0)
                    AddError($"kurang-{Type.RequiredDocuments[0].Code}", "Centang dokumen yang kurang atau harus diganti.");
                if (string.IsNullOrEmpty(note))
                    AddError("catatan", "Tulis catatan untuk pemohon: apa yang harus diperbaiki.");
                summary.Add(("Keputusan", "Berkas tidak lengkap: dikembalikan kepada pemohon"));
                summary.Add(("Dokumen yang kurang", string.Join("; ", missing.Select(d => d.Name))));
                summary.Add(("Catatan untuk pemohon", note ?? ""));
                return ("completeness", new { complete = false, missingRequirements = missing.Select(d => d.Code).ToList(), note }, summary);

            case 5:
                var data = new Dictionary<string, string>();
                foreach (var line in (DataTeknis ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var colon = line.IndexOf(':');
                    if (colon <= 0 || colon == line.Length - 1)
                    {
                        AddError("dataTeknis", $"Baris “{line}” harus berbentuk “nama data: nilai”.");
                        break;
                    }

                    data[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }

                if (data.Count == 0 && ErrorFor("dataTeknis") is null)
                    AddError("dataTeknis", "Isi data teknis, satu baris per data, mis. “Ukuran reklame: 4 x 6 m”.");
                if (JenisKajian is not ("Meeting" or "Inspection" or "Both"))
                    AddError("jenisKajian", "Pilih jenis kajian teknis.");
                DateTimeOffset? scheduled = null;
                if (DateTime.TryParseExact(Jadwal, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    scheduled = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
                else
                    AddError("jadwal", "Isi tanggal dan jam kajian, mis. 01/12/2026 09.00.");
                if (string.IsNullOrWhiteSpace(Lokasi))
                    AddError("lokasi", "Isi tempat rapat atau lokasi peninjauan.");
                summary.AddRange(data.Select(d => ($"Data teknis: {d.Key}", d.Value)));
                summary.Add(("Jenis kajian", JenisKajian is null ? "" : Words.ReviewKind(JenisKajian)));
                summary.Add(("Jadwal", scheduled is { } at ? words.Long(at) : ""));
                summary.Add(("Tempat", Lokasi?.Trim() ?? ""));
                return ("technical-data", new { data, review = new { kind = JenisKajian, scheduledAt = scheduled, location = Lokasi?.Trim() } }, summary);

            case 6:
                if (Keputusan is not ("Approve" or "Reject"))
                    AddError("keputusan-Approve", "Pilih rekomendasi teknis: disetujui atau ditolak.");
                if (string.IsNullOrEmpty(note))
                    AddError("catatan", "Tulis catatan hasil kajian teknis.");
                summary.Add(("Rekomendasi teknis", Keputusan == "Approve" ? "Disetujui" : "Ditolak"));
                summary.Add(("Catatan", note ?? ""));
                return ("technical-recommendation", new { recommendation = Keputusan, notes = note }, summary);

            case 7:
                if (Keputusan is not ("Permit" or "Rejection"))
                    AddError("keputusan-Permit", "Pilih jenis naskah: izin atau surat penolakan.");
                if (string.IsNullOrWhiteSpace(Naskah))
                    AddError("naskah", "Tulis isi naskah keputusan.");
                summary.Add(("Jenis naskah", Keputusan is null ? "" : Words.DecisionKind(Keputusan)));
                summary.Add(("Isi naskah", Naskah?.Trim() ?? ""));
                return ("draft", new { kind = Keputusan, body = Naskah?.Trim() }, summary);

            case 8 or 9 or 10:
                if (Keputusan is not ("setuju" or "kembalikan"))
                    AddError("keputusan-setuju", Detail.CurrentStep == 10 ? "Pilih: tanda tangani atau kembalikan." : "Pilih: setujui atau kembalikan.");
                if (Keputusan == "kembalikan" && string.IsNullOrEmpty(note))
                    AddError("catatan", "Tulis catatan perbaikan untuk Petugas Back Office.");
                var approve = Keputusan == "setuju";
                summary.Add(("Keputusan", approve
                    ? Detail.CurrentStep == 10 ? "Tanda tangani secara elektronik (TTE)" : "Setujui: verifikasi dan validasi"
                    : "Kembalikan ke penyusunan draf"));
                if (!approve)
                    summary.Add(("Catatan", note ?? ""));
                return (Detail.CurrentStep == 10 ? "signature" : "verification", approve ? new { approve } : new { approve, note }, summary);

            default:
                return (null, null, summary);
        }
    }
}
