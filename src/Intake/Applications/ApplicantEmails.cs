using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;

namespace Ptsp.Intake.Applications;

/// <summary>
/// What Intake tells the applicant at steps 3–4: the file was submitted, returned (what to complete and how), or
/// accepted (with the receipt). Each goes into the outbox of the write that made the change, so it is sent once.
/// </summary>
public sealed class ApplicantEmails(AgencyOptions agency, PublicSite site)
{
    public MailMessage Submitted(Application application, PermitTypeInfo type, DateTimeOffset submittedAtLocal)
    {
        var again = application.Round > 1;
        var mail = new MailComposer(agency, again ? $"Permohonan {type.Name} telah diajukan kembali" : $"Permohonan {type.Name} telah diajukan")
            .Greeting(application.ApplicantName)
            .Paragraph(again
                ? $"Permohonan {type.Name} untuk {application.BusinessName} yang telah Anda lengkapi kami terima kembali pada " +
                  $"{MailComposer.LongDateTime(submittedAtLocal)}."
                : $"Permohonan {type.Name} untuk {application.BusinessName} telah kami terima pada {MailComposer.LongDateTime(submittedAtLocal)}.")
            .Fields(Particulars(application, type))
            .Heading("Langkah selanjutnya")
            .Paragraph("Petugas Front Office akan memeriksa kelengkapan dokumen persyaratan. Jika berkas lengkap, Anda menerima tanda terima " +
                       "melalui email. Jika ada dokumen yang perlu dilengkapi, permohonan dikembalikan kepada Anda beserta catatan petugas.")
            .Link("Lihat permohonan Anda", site.ApplicationUrl(application.Id));
        return mail.ToMessage(application.ApplicantEmail!, application.ApplicantName);
    }

    public MailMessage Returned(Application application, PermitTypeInfo type, CompletenessReturn returned)
    {
        var names = type.RequiredDocuments.ToDictionary(d => d.Code, d => d.Name);
        var mail = new MailComposer(agency, $"Permohonan {type.Name} dikembalikan: dokumen perlu dilengkapi")
            .Greeting(application.ApplicantName)
            .Paragraph($"Petugas Front Office telah memeriksa berkas permohonan {type.Name} untuk {application.BusinessName}. Berkas belum lengkap, " +
                       "sehingga permohonan dikembalikan kepada Anda untuk dilengkapi.")
            .Fields(Particulars(application, type))
            .Heading("Dokumen yang perlu dilengkapi")
            .List(returned.MissingRequirements.Select(code => names.TryGetValue(code, out var name) ? $"{name} ({code})" : code))
            .Heading("Catatan petugas")
            .Paragraph(returned.Note)
            .Heading("Yang perlu Anda lakukan")
            .List(
            [
                "Buka halaman permohonan melalui tautan di bawah ini.",
                "Unggah kembali setiap dokumen yang disebutkan di atas, sesuai catatan petugas.",
                "Ajukan kembali permohonan. Petugas Front Office akan memeriksa kelengkapannya lagi.",
            ], numbered: true)
            .Paragraph("Selama berkas berada pada Anda, waktu tersebut tidak dihitung dalam waktu pelayanan kami.")
            .Link("Lengkapi permohonan Anda", site.ApplicationUrl(application.Id));
        return mail.ToMessage(application.ApplicantEmail!, application.ApplicantName);
    }

    /// <summary>Step 4's output by email: the receipt PDF Intake stored, attached by its key (read when the mail is delivered).</summary>
    public MailMessage Accepted(Application application, PermitTypeInfo type, DateTimeOffset acceptedAtLocal)
    {
        var review = type.TechnicalReview.Kind switch
        {
            ReviewKind.Meeting => "rapat kajian teknis",
            ReviewKind.Inspection => "peninjauan lapangan",
            _ => "rapat kajian teknis dan peninjauan lapangan",
        };
        var mail = new MailComposer(agency, $"Tanda terima permohonan {application.ReceiptNumber}: berkas lengkap")
            .Greeting(application.ApplicantName)
            .Paragraph($"Berkas permohonan {type.Name} untuk {application.BusinessName} telah dinyatakan lengkap oleh Petugas Front Office pada " +
                       $"{MailComposer.LongDateTime(acceptedAtLocal)}. Tanda terima berkas terlampir pada email ini (PDF).")
            .Fields([("Nomor tanda terima", application.ReceiptNumber!), .. Particulars(application, type)])
            .Heading("Langkah selanjutnya")
            .Paragraph($"Berkas diteruskan kepada Petugas Back Office untuk pemasukan data teknis dan penjadwalan {review}. " +
                       $"Jadwal dan tempatnya kami sampaikan melalui email. Kajian teknis jenis izin ini memerlukan {type.TechnicalReview.WorkingDays} hari kerja " +
                       "sesuai NSPK." +
                       (type.StatutoryWorkingDays is { } days
                           ? $" Keputusan atas permohonan diterbitkan paling lama {days} hari kerja sejak berkas dinyatakan lengkap."
                           : ""))
            .Paragraph("Simpan tanda terima ini sebagai bukti penyerahan berkas.")
            .Link("Lihat permohonan Anda", site.ApplicationUrl(application.Id));
        return mail.ToMessage(application.ApplicantEmail!, application.ApplicantName,
        [
            new MailAttachment($"Tanda-terima-{application.ReceiptNumber!.Replace('/', '-')}.pdf", "application/pdf", Extensions.Store,
                IntakeStore.ReceiptKey(application.Id)),
        ]);
    }

    /// <summary>The mail as an outbox message of the same write; none for an application without an address (made before addresses were kept).</summary>
    public IEnumerable<OutboxMessage> Outgoing(Application application, Func<MailMessage> mail, DateTimeOffset now) =>
        application.ApplicantEmail is null ? [] : [MailOutboxHandler.Create(mail(), now)];

    static (string, string)[] Particulars(Application application, PermitTypeInfo type) =>
    [
        ("Nomor permohonan", application.Id.ToString()),
        ("Jenis izin", type.Name),
        ("Nama usaha", application.BusinessName),
        ("Alamat usaha", application.BusinessAddress),
    ];
}
