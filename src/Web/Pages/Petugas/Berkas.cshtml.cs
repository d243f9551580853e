using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Calendar;
using Ptsp.Web.Display;
using Ptsp.Hosting.Storage;
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
    [BindProperty] public string? MasaBerlaku { get; set; }
    [BindProperty] public string? Kewajiban { get; set; }
    [BindProperty] public string? Alasan { get; set; }
    [BindProperty] public IFormFile? Bap { get; set; }
    [BindProperty] public string? JadwalPeninjauan { get; set; }
    [BindProperty] public string? LokasiPeninjauan { get; set; }
    [BindProperty] public string? Sesi { get; set; }
    [BindProperty] public string? JadwalBaru { get; set; }
    [BindProperty] public string? LokasiBaru { get; set; }
    [BindProperty] public string? AlasanJadwal { get; set; }

    /// <summary>The requirement documents as uploaded (name, type, size, sha256, time): what the officer judges.</summary>
    public IReadOnlyList<UploadedDocumentView> Documents { get; private set; } = [];

    /// <summary>The technical file, for the roles whose steps judge on it (not the counter); null before step 5 or for them.</summary>
    public TechnicalFileView? Technical { get; private set; }

    /// <summary>Step 6: back office (who scheduled) and the technical team (who holds it) may move a meeting or inspection.</summary>
    public bool CanReschedule => Detail.CurrentStep == 6 && (User.IsInRole("BackOffice") || User.IsInRole("TechnicalTeam"));

    static readonly string[] TechnicalReaders = ["BackOffice", "TechnicalTeam", "SectionHead", "DivisionHead", "AgencyHead"];

    /// <summary>After step 10: the agency head may revoke an issued permit.</summary>
    public bool MayRevoke => Detail.Status == "Issued" && User.IsInRole("AgencyHead");

    public ApplicationDetail Detail { get; private set; } = null!;

    public PermitType Type { get; private set; } = null!;

    /// <summary>The signed-in officer holds the role the file waits for.</summary>
    public bool MyTurn => Detail.CurrentStep is not null && Detail.AssignedRole is { } role && User.IsInRole(role);

    /// <summary>The form was valid: the page asks "are you sure?" with what will be sent.</summary>
    public IReadOnlyList<(string Label, string Value)>? Confirmation { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, int? sebelum, string? bap, string? jadwal, CancellationToken ct)
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
        else if (jadwal is not null)
            Notice = "Jadwal baru sudah disimpan dan tercatat di riwayat.";
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
            // The owning service's refusal (e.g. the BAP is still missing, a date outside the NSPK window) belongs on the form.
            if (Detail.CurrentStep == 5)
                AddErrors(problem, StepFiveFields, FirstField());
            else
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
        else if (Bap.Length > Uploads.TenMegabytes)
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

    /// <summary>SOP step 6: a meeting or inspection moves, inside the NSPK window, for a reason the history keeps.</summary>
    public async Task<IActionResult> OnPostJadwalAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanReschedule)
            return Redirect("/tidak-berwenang");
        if (Sesi is not ("Meeting" or "Inspection"))
            AddError("sesi", "Pilih rapat atau peninjauan lapangan.");
        var at = LocalTime(JadwalBaru);
        if (at is null)
            AddError("jadwalBaru", "Isi tanggal dan jam yang baru, mis. 01/12/2026 09.00.");
        if (string.IsNullOrWhiteSpace(AlasanJadwal))
            AddError("alasanJadwal", "Tulis alasan perubahan jadwal.");
        if (Errors.Count > 0)
            return Page();
        try
        {
            await gateway.ActAsync(id, "review-schedule",
                new { session = Sesi, scheduledAt = at, location = string.IsNullOrWhiteSpace(LokasiBaru) ? null : LokasiBaru.Trim(), reason = AlasanJadwal!.Trim() }, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            AddErrors(problem, new Dictionary<string, string> { ["session"] = "sesi", ["scheduledAt"] = "jadwalBaru", ["location"] = "lokasiBaru", ["reason"] = "alasanJadwal" },
                "jadwalBaru");
            return Page();
        }

        return Redirect($"/tugas/{id}?jadwal=1");
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
        Documents = await gateway.DocumentsAsync(id, ct);
        if (TechnicalReaders.Any(User.IsInRole) && Detail.ReceiptNumber is not null)
            Technical = await gateway.TechnicalFileAsync(id, ct);
    }

    static readonly Dictionary<string, string> StepFiveFields = new()
    {
        ["data"] = "dataTeknis",
        ["review.kind"] = "jenisKajian",
        ["review.scheduledAt"] = "jadwal",
        ["review.location"] = "lokasi",
        ["review.inspection.scheduledAt"] = "jadwalPeninjauan",
        ["review.inspection.location"] = "lokasiPeninjauan",
    };

    DateTimeOffset? LocalTime(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local))
            : null;

    /// <summary>"PDF", "JPEG", "PNG" from the content type.</summary>
    public static string FileKind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        _ => contentType,
    };

    /// <summary>"245 KB", "1,2 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bita",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + " MB",
    };

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

    /// <summary>One item per non-empty line; null when there is none (the template's then apply).</summary>
    static List<string>? Items(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() is { Count: > 0 } items ? items : null;

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
                // "Both": the inspection is scheduled on its own.
                var both = JenisKajian == "Both";
                var inspectionAt = both ? LocalTime(JadwalPeninjauan) : null;
                if (both && inspectionAt is null)
                    AddError("jadwalPeninjauan", "Isi tanggal dan jam peninjauan lapangan.");
                if (both && string.IsNullOrWhiteSpace(LokasiPeninjauan))
                    AddError("lokasiPeninjauan", "Isi lokasi peninjauan lapangan.");
                summary.AddRange(data.Select(d => ($"Data teknis: {d.Key}", d.Value)));
                summary.Add(("Jenis kajian", JenisKajian is null ? "" : Words.ReviewKind(JenisKajian)));
                summary.Add((both ? "Jadwal rapat" : "Jadwal", scheduled is { } at ? words.Long(at) : ""));
                summary.Add((both ? "Tempat rapat" : "Tempat", Lokasi?.Trim() ?? ""));
                if (both)
                {
                    summary.Add(("Jadwal peninjauan lapangan", inspectionAt is { } i ? words.Long(i) : ""));
                    summary.Add(("Lokasi peninjauan lapangan", LokasiPeninjauan?.Trim() ?? ""));
                }

                return ("technical-data", new
                {
                    data,
                    review = new
                    {
                        kind = JenisKajian, scheduledAt = scheduled, location = Lokasi?.Trim(),
                        inspection = both ? new { scheduledAt = inspectionAt, location = LokasiPeninjauan?.Trim() } : null,
                    },
                }, summary);

            case 6:
                if (Keputusan is not ("Approve" or "Reject"))
                    AddError("keputusan-Approve", "Pilih rekomendasi teknis: disetujui atau ditolak.");
                if (string.IsNullOrEmpty(note))
                    AddError("catatan", "Tulis catatan hasil kajian teknis.");
                summary.Add(("Rekomendasi teknis", Keputusan == "Approve" ? "Disetujui" : "Ditolak"));
                summary.Add(("Catatan", note ?? ""));
                return ("technical-recommendation", new { recommendation = Keputusan, notes = note }, summary);

            case 7:
                // The decree's fixed text is the permit type's template; the drafter fills the variable parts.
                if (Keputusan is not ("Permit" or "Rejection"))
                    AddError("keputusan-Permit", "Pilih jenis naskah: izin atau surat penolakan.");
                var permit = Keputusan == "Permit";
                var validity = permit && !string.IsNullOrWhiteSpace(MasaBerlaku) ? MasaBerlaku.Trim() : null;
                var obligations = permit ? Items(Kewajiban) : null;
                var reasons = permit ? null : Items(Alasan);
                if (validity is { Length: > 200 })
                    AddError("masaBerlaku", "Masa berlaku paling banyak 200 karakter, mis. “5 (lima) tahun”.");
                summary.Add(("Jenis naskah", Keputusan is null ? "" : Words.DecisionKind(Keputusan)));
                if (permit)
                {
                    summary.Add(("Masa berlaku", validity ?? "Sesuai ketentuan baku jenis izin"));
                    summary.Add(("Kewajiban pemegang izin", obligations is null ? "Sesuai ketentuan baku jenis izin" : string.Join("; ", obligations)));
                    summary.Add(("Ketentuan tambahan", string.IsNullOrWhiteSpace(Naskah) ? "Tidak ada" : Naskah.Trim()));
                }
                else if (Keputusan == "Rejection")
                {
                    summary.Add(("Alasan penolakan", "Rekomendasi tim teknis" + (reasons is null ? "" : "; " + string.Join("; ", reasons))));
                    summary.Add(("Alasan lain", string.IsNullOrWhiteSpace(Naskah) ? "Tidak ada" : Naskah.Trim()));
                }

                return ("draft", new { kind = Keputusan, body = Naskah?.Trim() ?? "", validity, obligations, reasons }, summary);

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
