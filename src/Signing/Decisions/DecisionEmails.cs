using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

/// <summary>What Signing tells the applicant at step 10: the signed permit or rejection letter, attached, with its verification link.</summary>
public sealed class DecisionEmails(AgencyOptions agency, PublicSite site)
{
    /// <summary>The mail as an outbox message of the write that signed the decision; none for a decision without the applicant's address.</summary>
    public IEnumerable<OutboxMessage> Signed(DecisionCase decision, DateTimeOffset signedAtLocal, DateTimeOffset now)
    {
        if (decision.ApplicantEmail is null)
            return [];

        var number = decision.DocumentNumber!;
        var permit = decision.Drafts[^1].Kind == DecisionKind.Permit;
        var signed = MailComposer.LongDateTime(signedAtLocal);
        var mail = new MailComposer(agency, permit
                ? $"{decision.PermitTypeName} telah terbit: {number}"
                : $"Keputusan permohonan {decision.PermitTypeName}: surat penolakan {number}")
            .Greeting(decision.HolderName)
            .Paragraph(permit
                ? $"Kepala DPMPTSP telah menandatangani secara elektronik {decision.PermitTypeName} untuk {decision.BusinessName} pada {signed}. " +
                  "Izin terlampir pada email ini sebagai PDF bertanda tangan elektronik."
                : $"Kepala DPMPTSP telah menandatangani secara elektronik keputusan atas permohonan {decision.PermitTypeName} untuk " +
                  $"{decision.BusinessName} pada {signed}: permohonan tidak dapat disetujui. Surat penolakan beserta alasannya terlampir pada email ini " +
                  "sebagai PDF bertanda tangan elektronik.")
            .Fields(
            [
                (permit ? "Nomor izin" : "Nomor surat penolakan", number),
                ("Jenis izin", decision.PermitTypeName),
                ("Nama usaha", decision.BusinessName),
                ("Pemohon", decision.HolderName),
                .. decision.ReceiptNumber is { } receipt ? [("Nomor tanda terima", receipt)] : Array.Empty<(string, string)>(),
                ("Nomor permohonan", decision.Id.ToString()),
                ("Ditandatangani oleh", decision.SignerName ?? "Kepala DPMPTSP"),
            ])
            .Heading("Keaslian dokumen")
            .Paragraph("Dokumen ini ditandatangani dengan tanda tangan elektronik (TTE) dan dapat diperiksa dengan pembaca PDF. " +
                       "Siapa pun dapat memeriksa keasliannya melalui kode QR pada dokumen atau halaman verifikasi berikut.")
            .Link($"Verifikasi dokumen {number}", site.VerificationUrl(number))
            .Heading("Langkah selanjutnya")
            .Paragraph(permit
                ? "Simpan izin ini dan tunjukkan bila diminta oleh petugas. Cetakan izin dapat dicocokkan kapan saja melalui halaman verifikasi di atas."
                : "Anda dapat mengajukan permohonan baru setelah memenuhi hal-hal yang disebutkan dalam surat penolakan. Untuk penjelasan lebih lanjut, " +
                  "silakan datang ke kantor kami pada jam layanan dengan membawa surat ini.")
            .Link("Lihat permohonan Anda", site.ApplicationUrl(decision.Id))
            // The invitation to the satisfaction survey (PermenPANRB 14/2017) goes with the decision, once.
            .Heading("Survei Kepuasan Masyarakat (SKM)")
            .Paragraph("Bantu kami memperbaiki pelayanan: isi Survei Kepuasan Masyarakat tentang permohonan ini (sembilan pertanyaan, kurang dari " +
                       "dua menit). Jawaban Anda tidak ditampilkan bersama nama Anda.")
            .Link("Isi Survei Kepuasan Masyarakat", site.SurveyUrl(decision.Id));
        var attachment = new MailAttachment($"{(permit ? "Izin" : "Surat-penolakan")}-{number.Replace('/', '-')}.pdf", "application/pdf", Extensions.Store,
            SigningStore.DecisionKey(decision.Id));
        return [MailOutboxHandler.Create(mail.ToMessage(decision.ApplicantEmail, decision.HolderName, [attachment]), now)];
    }
}
