using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

/// <summary>What Technical tells the applicant at step 5 and 6: when and where the technical meeting and/or field inspection takes place, and when it moves.</summary>
public sealed class ReviewEmails(AgencyOptions agency, PublicSite site)
{
    /// <summary>The mail as an outbox message of the write that scheduled the review; none for a file without the applicant's address.</summary>
    public IEnumerable<OutboxMessage> Scheduled(TechnicalCase technical, DateTimeOffset scheduledAtLocal, DateTimeOffset now)
    {
        if (technical.ApplicantEmail is null)
            return [];

        var kind = technical.ScheduledKind!.Value;
        var (what, subject) = kind switch
        {
            ReviewKind.Meeting => ("rapat kajian teknis", "Jadwal rapat kajian teknis"),
            ReviewKind.Inspection => ("peninjauan lapangan", "Jadwal peninjauan lapangan"),
            _ => ("rapat kajian teknis dan peninjauan lapangan", "Jadwal rapat kajian teknis dan peninjauan lapangan"),
        };
        var typeName = technical.PermitTypeName ?? technical.PermitTypeCode;
        var name = technical.ApplicantName ?? "Pemohon";
        var mail = new MailComposer(agency, $"{subject} permohonan {typeName}")
            .Greeting(name)
            .Paragraph($"Petugas Back Office telah memasukkan data teknis permohonan {typeName} untuk {technical.BusinessName} dan menjadwalkan {what} " +
                       "oleh Tim Teknis.")
            .Fields(
            [
                ("Kegiatan", char.ToUpperInvariant(what[0]) + what[1..]),
                ("Waktu", MailComposer.LongDateTime(scheduledAtLocal)),
                ("Tempat", technical.Location!),
                // "Both": the inspection is a session of its own.
                .. technical.Sessions.Skip(1).SelectMany(x => new[]
                {
                    ("Waktu peninjauan lapangan", MailComposer.LongDateTime(x.ScheduledAt.ToOffset(scheduledAtLocal.Offset))),
                    ("Tempat peninjauan lapangan", x.Location),
                }),
                .. technical.ReceiptNumber is { } receipt ? [("Nomor tanda terima", receipt)] : Array.Empty<(string, string)>(),
                ("Nomor permohonan", technical.Id.ToString()),
                ("Jenis izin", typeName),
                ("Nama usaha", technical.BusinessName),
            ])
            .Heading("Yang perlu Anda lakukan")
            .List(kind == ReviewKind.Meeting
                ?
                [
                    "Hadir tepat waktu di tempat rapat, atau tunjuk wakil dengan surat kuasa.",
                    "Bawa dokumen persyaratan asli untuk dicocokkan dengan berkas yang diunggah.",
                ]
                :
                [
                    "Pastikan Anda atau wakil Anda berada di lokasi pada waktu tersebut dan Tim Teknis dapat memasuki lokasi.",
                    "Siapkan dokumen persyaratan asli untuk dicocokkan dengan berkas yang diunggah.",
                ], numbered: true)
            .Paragraph($"Hasil {what} menjadi dasar rekomendasi teknis, lalu draf keputusan (izin atau surat penolakan) disusun. " +
                       "Keputusan yang telah ditandatangani kami kirim melalui email.")
            .Link("Lihat permohonan Anda", site.ApplicationUrl(technical.Id));
        return [MailOutboxHandler.Create(mail.ToMessage(technical.ApplicantEmail, name), now)];
    }
    /// <summary>
    /// A meeting or inspection moved (step 6): the new time and place, and the old ones so the applicant does not come twice. The
    /// officer's reason stays internal (as in the applicant's history); none for a file without the applicant's address.
    /// </summary>
    public IEnumerable<OutboxMessage> Rescheduled(TechnicalCase technical, ScheduledSession before, ScheduledSession after,
        Func<DateTimeOffset, DateTimeOffset> agencyTime, DateTimeOffset now)
    {
        if (technical.ApplicantEmail is null)
            return [];

        var what = after.Kind == ReviewKind.Inspection ? "peninjauan lapangan" : "rapat kajian teknis";
        var typeName = technical.PermitTypeName ?? technical.PermitTypeCode;
        var name = technical.ApplicantName ?? "Pemohon";
        var mail = new MailComposer(agency, $"Perubahan jadwal {what} permohonan {typeName}")
            .Greeting(name)
            .Paragraph($"Jadwal {what} permohonan {typeName} untuk {technical.BusinessName} diubah oleh petugas. Jadwal yang lama tidak berlaku lagi.")
            .Fields(
            [
                ("Kegiatan", char.ToUpperInvariant(what[0]) + what[1..]),
                ("Waktu baru", MailComposer.LongDateTime(agencyTime(after.ScheduledAt))),
                ("Tempat", after.Location),
                ("Jadwal lama", $"{MailComposer.LongDateTime(agencyTime(before.ScheduledAt))}, {before.Location}"),
                .. technical.ReceiptNumber is { } receipt ? [("Nomor tanda terima", receipt)] : Array.Empty<(string, string)>(),
                ("Nomor permohonan", technical.Id.ToString()),
                ("Nama usaha", technical.BusinessName),
            ])
            .Paragraph("Bila Anda berhalangan pada waktu yang baru, hubungi kantor kami secepatnya.")
            .Link("Lihat permohonan Anda", site.ApplicationUrl(technical.Id));
        return [MailOutboxHandler.Create(mail.ToMessage(technical.ApplicantEmail, name), now)];
    }
}
