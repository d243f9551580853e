using System.Text.RegularExpressions;
using MimeKit;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// The emails an applicant receives about one application (each links the application's page), one per stage: submitted,
/// returned, resubmitted, accepted with the receipt, review scheduled, decision signed with the signed PDF.
/// </summary>
public static class ApplicantMails
{
    public enum Stage
    {
        Submitted,
        Returned,
        Resubmitted,
        Accepted,
        Scheduled,
        Decided,
    }

    const string PublicBaseUrl = EmbeddedFixture.PublicBaseUrl;

    public static Stage? StageOf(MimeMessage message) => (message.Subject ?? "") switch
    {
        var s when s.StartsWith("Tanda terima permohonan ", StringComparison.Ordinal) => Stage.Accepted,
        var s when s.StartsWith("Jadwal ", StringComparison.Ordinal) => Stage.Scheduled,
        var s when s.Contains(" dikembalikan: dokumen perlu dilengkapi", StringComparison.Ordinal) => Stage.Returned,
        var s when s.EndsWith(" telah diajukan kembali", StringComparison.Ordinal) => Stage.Resubmitted,
        var s when s.EndsWith(" telah diajukan", StringComparison.Ordinal) => Stage.Submitted,
        var s when s.Contains(" telah terbit: ", StringComparison.Ordinal) || s.Contains(": surat penolakan ", StringComparison.Ordinal) => Stage.Decided,
        _ => null,
    };

    public static IReadOnlyList<MimeMessage> About(MailPickup mail, string address, Guid applicationId) =>
        mail.To(address).Where(m => m.TextBody?.Contains($"/permohonan/{applicationId}", StringComparison.Ordinal) == true).ToList();

    /// <summary>
    /// Waits until every stage's email has come, then a little longer (the outbox's poll is two seconds, so a second
    /// write of one stage would show), and asserts one email per stage and nothing else about this application.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Stage, MimeMessage>> OnePerStageAsync(MailPickup mail, string address, Guid applicationId,
        params Stage[] stages)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!stages.All(stage => About(mail, address, applicationId).Any(m => StageOf(m) == stage)) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var mails = About(mail, address, applicationId);
        Assert.Equal(stages.Order().Select(s => (Stage?)s), mails.Select(StageOf).Order());
        return mails.ToDictionary(m => StageOf(m)!.Value);
    }

    /// <summary>The Issue flow (REKLAME, one completeness return, a field inspection): every stage once, each with what it must say and carry.</summary>
    public static async Task AssertIssuedAsync(MailPickup mail, Cast cast, Guid id)
    {
        var mails = await OnePerStageAsync(mail, cast.ApplicantEmail, id,
            Stage.Submitted, Stage.Returned, Stage.Resubmitted, Stage.Accepted, Stage.Scheduled, Stage.Decided);
        foreach (var message in mails.Values)
            AssertWellFormed(message, cast, id);

        Assert.Equal("Permohonan Izin Penyelenggaraan Reklame telah diajukan", mails[Stage.Submitted].Subject);
        Assert.Contains("Petugas Front Office akan memeriksa kelengkapan", mails[Stage.Submitted].TextBody);

        // Returned: the document by name (not only its code), the officer's note, and what to do.
        var returned = mails[Stage.Returned];
        Assert.Equal("Permohonan Izin Penyelenggaraan Reklame dikembalikan: dokumen perlu dilengkapi", returned.Subject);
        foreach (var body in new[] { returned.TextBody!, returned.HtmlBody! })
        {
            Assert.Contains("Desain/foto reklame beserta ukuran dan naskah (DESAIN_REKLAME)", body);
            Assert.Contains("Ukuran reklame tidak tercantum.", body);
            Assert.Contains("Ajukan kembali permohonan", body);
        }

        Assert.Contains("<li>Desain/foto reklame beserta ukuran dan naskah (DESAIN_REKLAME)</li>", returned.HtmlBody);
        Assert.Contains("1. Buka halaman permohonan", returned.TextBody);
        Assert.Equal("Permohonan Izin Penyelenggaraan Reklame telah diajukan kembali", mails[Stage.Resubmitted].Subject);

        AssertAccepted(mails[Stage.Accepted], id);

        var scheduled = mails[Stage.Scheduled];
        Assert.Equal("Jadwal peninjauan lapangan permohonan Izin Penyelenggaraan Reklame", scheduled.Subject);
        Assert.Contains("Kantor DPMPTSP Purwakarta", scheduled.TextBody);
        Assert.Matches(@"Waktu\s+: (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB", scheduled.TextBody);
        Assert.Contains("Tim Teknis", scheduled.TextBody);

        var decided = mails[Stage.Decided];
        Assert.Matches(@"^Izin Penyelenggaraan Reklame telah terbit: 503/\d{4}/IZN-REK/DPMPTSP/[IVX]+/\d{4}$", decided.Subject);
        AssertSignedDecision(decided, "Izin");
    }

    /// <summary>The Reject flow (PENELITIAN, a meeting, no return): four stages, the last with the signed rejection letter.</summary>
    public static async Task AssertRejectedAsync(MailPickup mail, Cast cast, Guid id)
    {
        var mails = await OnePerStageAsync(mail, cast.ApplicantEmail, id, Stage.Submitted, Stage.Accepted, Stage.Scheduled, Stage.Decided);
        foreach (var message in mails.Values)
            AssertWellFormed(message, cast, id);
        AssertAccepted(mails[Stage.Accepted], id);
        Assert.Equal("Jadwal rapat kajian teknis permohonan Surat Izin Penelitian", mails[Stage.Scheduled].Subject);
        var decided = mails[Stage.Decided];
        Assert.Matches(@"^Keputusan permohonan Surat Izin Penelitian: surat penolakan 503/\d{4}/TLK-PNL/DPMPTSP/[IVX]+/\d{4}$", decided.Subject);
        Assert.Contains("tidak dapat disetujui", decided.TextBody);
        AssertSignedDecision(decided, "Surat-penolakan");
    }

    /// <summary>MIME as promised: text and HTML alternatives saying the same, the letterhead, the greeting, the application's page.</summary>
    static void AssertWellFormed(MimeMessage message, Cast cast, Guid id)
    {
        Assert.Equal(cast.ApplicantName, Assert.Single(message.To.Mailboxes).Name);
        var alternative = message.Body as MultipartAlternative ?? Assert.Single(Assert.IsType<Multipart>(message.Body).OfType<MultipartAlternative>());
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));

        var page = $"{PublicBaseUrl}/permohonan/{id}";
        foreach (var body in new[] { message.TextBody!, message.HtmlBody! })
        {
            Assert.Contains($"Yth. {cast.ApplicantName},", body);
            Assert.Contains("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", body);
            Assert.Contains(page, body);
            Assert.Contains(id.ToString(), body);
            Assert.Contains("Hormat kami,", body);
        }

        Assert.Contains("<html lang=\"id\">", message.HtmlBody);
        Assert.Contains($"<a href=\"{page}\"", message.HtmlBody);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Password: ", message.TextBody); // not taken for a credential email
    }

    /// <summary>The accepted email names the receipt number and carries the receipt PDF, which names it too.</summary>
    static void AssertAccepted(MimeMessage accepted, Guid id)
    {
        var number = Regex.Match(accepted.Subject ?? "", @"503/\d{4}/TT-[A-Z]+/DPMPTSP/[IVX]+/\d{4}").Value;
        Assert.Equal($"Tanda terima permohonan {number}: berkas lengkap", accepted.Subject);
        Assert.Matches(@"Nomor tanda terima\s+: " + Regex.Escape(number), accepted.TextBody);
        var (name, pdf) = PdfAttachment(accepted);
        Assert.Equal($"Tanda-terima-{number.Replace('/', '-')}.pdf", name);
        var text = Tools.PdfText(pdf);
        Assert.Contains(number, text);
        Assert.Contains(id.ToString(), text);
    }

    /// <summary>The decision email: the signed PDF (pdfsig says valid) whose number and verification link the email gives too.</summary>
    static void AssertSignedDecision(MimeMessage decided, string fileNameWord)
    {
        var number = Regex.Match(decided.Subject ?? "", @"503/\d{4}/(IZN|TLK)-[A-Z]+/DPMPTSP/[IVX]+/\d{4}").Value;
        var verification = $"{PublicBaseUrl}/verify/{number}";
        Assert.Contains(verification, decided.TextBody);
        Assert.Contains($"<a href=\"{verification}\"", decided.HtmlBody);
        var (name, pdf) = PdfAttachment(decided);
        Assert.Equal($"{fileNameWord}-{number.Replace('/', '-')}.pdf", name);
        Assert.Contains("Signature is Valid", Tools.PdfSig(pdf));
        Assert.Contains(number, Tools.PdfText(pdf));
        Assert.Contains(verification, Tools.QrCodes(pdf));
    }

    static (string FileName, byte[] Content) PdfAttachment(MimeMessage message)
    {
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return (part.FileName!, content.ToArray());
    }
}
