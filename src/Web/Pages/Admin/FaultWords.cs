namespace Ptsp.Web.Pages.Admin;

/// <summary>The words of the faults view: which service kept a fault and what its message was about, as an administrator reads them.</summary>
public static class FaultWords
{
    /// <summary>The keeper's name (its service, or "ptsp" for the all-in-one host) in words.</summary>
    public static string Service(string keeper) => keeper switch
    {
        "registration" => "Layanan akun (Registration)",
        "workflow" => "Alur kerja (Workflow)",
        "intake" => "Penerimaan berkas (Intake)",
        "technical" => "Kajian teknis (Technical)",
        "signing" => "Penandatanganan (Signing)",
        "gateway" => "Gateway API",
        "ptsp" => "Aplikasi terpadu (satu proses)",
        _ => keeper,
    };

    public static string Source(string source) => source switch
    {
        "consume" => "Pesan gagal diproses setelah dicoba ulang",
        "outbox" => "Pesan keluar (outbox) gagal dikirim",
        _ => source,
    };

    /// <summary>
    /// What the message said happened or asked for: an event by its URN (<c>urn:message:ptsp:application-accepted:v1</c>), a
    /// command or request by its type name (<c>urn:message:Ptsp.Contracts.Permits:SignDecision</c>); one without words here
    /// is named as internal, with its technical name for ops.
    /// </summary>
    public static string Message(string messageType)
    {
        var urn = messageType.StartsWith("urn:message:", StringComparison.Ordinal) ? messageType["urn:message:".Length..] : messageType;
        if (urn.StartsWith("ptsp:", StringComparison.Ordinal))
        {
            var name = urn["ptsp:".Length..];
            var version = name.LastIndexOf(":v", StringComparison.Ordinal);
            if (version > 0)
                name = name[..version];
            return Named.TryGetValue(name, out var words) ? words : $"Pesan internal ({name})";
        }

        var type = urn.Split(':', '.', '+').LastOrDefault(part => part.Length > 0);
        if (type is null)
            return "Pesan tanpa jenis";
        return Commands.TryGetValue(type, out var said) ? said : $"Perintah internal ({type})";
    }

    static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["application-accepted"] = "Berkas dinyatakan lengkap",
        ["application-created"] = "Permohonan dibuat",
        ["application-progressed"] = "Permohonan berpindah langkah",
        ["application-returned"] = "Berkas dikembalikan kepada pemohon",
        ["application-submitted"] = "Permohonan diajukan",
        ["application-updated"] = "Data usaha diubah",
        ["application-withdrawn"] = "Permohonan dibatalkan oleh pemohon",
        ["calendar-changed"] = "Kalender kerja diubah",
        ["decision-drafted"] = "Draf keputusan disusun",
        ["decision-returned"] = "Draf keputusan dikembalikan",
        ["decision-verified"] = "Draf keputusan diverifikasi",
        ["drafting-opened"] = "Penyusunan draf keputusan dimulai",
        ["inspection-report-uploaded"] = "Berita Acara Pemeriksaan (BAP) diunggah",
        ["officer-changed"] = "Akun petugas diubah",
        ["permit-issued"] = "Izin terbit",
        ["permit-rejected"] = "Permohonan ditolak",
        ["permit-revoked"] = "Izin dicabut",
        ["permit-statutory-deadline-passed"] = "Batas waktu layanan terlampaui",
        ["permit-step-overdue"] = "Langkah melewati jatuh tempo",
        ["recount-due-times"] = "Jatuh tempo dihitung ulang (kalender kerja berubah)",
        ["registration-approval-overdue"] = "Persetujuan akun melewati jatuh tempo",
        ["registration-approved"] = "Pendaftaran akun disetujui",
        ["registration-rejected"] = "Pendaftaran akun ditolak",
        ["registration-submitted"] = "Pendaftaran akun diajukan",
        ["sessions-ended"] = "Sesi pengguna diakhiri",
        ["step-deadline-reached"] = "Jatuh tempo langkah tercapai",
        ["technical-recommendation-issued"] = "Rekomendasi teknis diberikan",
        ["technical-review-opened"] = "Kajian teknis dibuka",
        ["technical-review-rescheduled"] = "Jadwal kajian teknis diubah",
        ["technical-review-scheduled"] = "Kajian teknis dijadwalkan",
    };

    /// <summary>The commands and requests the services take from their queues, by their type name.</summary>
    static readonly Dictionary<string, string> Commands = new(StringComparer.Ordinal)
    {
        ["ApproveRegistration"] = "Menyetujui pendaftaran akun",
        ["AuthenticateUser"] = "Masuk (pemeriksaan kata sandi)",
        ["ChangePassword"] = "Mengganti kata sandi",
        ["ConfirmPasswordReset"] = "Mengatur ulang kata sandi",
        ["CreateApplication"] = "Membuat permohonan",
        ["CreateOfficer"] = "Membuat akun petugas",
        ["DeactivateOfficer"] = "Menonaktifkan akun petugas",
        ["DraftDecision"] = "Menyusun draf keputusan",
        ["OpenDrafting"] = "Membuka penyusunan draf keputusan",
        ["OpenTechnicalReview"] = "Membuka kajian teknis",
        ["ReactivateOfficer"] = "Mengaktifkan kembali akun petugas",
        ["RecordAuditEntry"] = "Mencatat log audit",
        ["RecordCompletenessCheck"] = "Memeriksa kelengkapan berkas",
        ["RecordSurveyResponse"] = "Mencatat jawaban survei kepuasan",
        ["RecordTechnicalData"] = "Mencatat data teknis dan jadwal",
        ["RecordTechnicalRecommendation"] = "Mencatat rekomendasi teknis",
        ["RejectRegistration"] = "Menolak pendaftaran akun",
        ["RequestPasswordReset"] = "Meminta pengaturan ulang kata sandi",
        ["RescheduleTechnicalReview"] = "Mengubah jadwal kajian teknis",
        ["ResetOfficerPassword"] = "Mengatur ulang kata sandi petugas",
        ["ResubmitApplication"] = "Mengajukan kembali berkas yang dilengkapi",
        ["RevokePermit"] = "Mencabut izin",
        ["SetCalendarYear"] = "Mengubah kalender kerja",
        ["SignDecision"] = "Menandatangani keputusan (TTE)",
        ["SubmitApplication"] = "Mengajukan permohonan",
        ["SubmitRegistration"] = "Mendaftarkan akun",
        ["SubmitSurvey"] = "Mengisi survei kepuasan",
        ["UpdateApplication"] = "Mengubah data usaha",
        ["UpdateOfficer"] = "Mengubah akun petugas",
        ["VerifyDecision"] = "Memverifikasi draf keputusan",
        ["WithdrawApplication"] = "Membatalkan permohonan",
    };

    /// <summary>The exception's first line, short enough for a table cell; the whole message stays in the details.</summary>
    public static string Summary(string exceptionType, string exceptionMessage)
    {
        var type = exceptionType.Split('.').Last();
        var firstLine = exceptionMessage.Split('\n', 2)[0].Trim();
        if (firstLine.Length > 160)
            firstLine = firstLine[..157] + "…";
        return $"{type}: {firstLine}";
    }
}
