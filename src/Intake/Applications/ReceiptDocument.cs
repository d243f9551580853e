using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;

namespace Ptsp.Intake.Applications;

/// <summary>SOP step 4's output: the receipt (tanda terima) of a complete application file, as an A4 PDF.</summary>
public static class ReceiptDocument
{
    public static byte[] Render(Application application, PermitTypeInfo type, AgencyOptions agency, DateTimeOffset acceptedAtLocal)
    {
        using var pdf = new PdfDocumentBuilder(agency, $"Tanda Terima {application.ReceiptNumber}", application.ReceiptNumber!);
        pdf.Letterhead()
            .Title("TANDA TERIMA BERKAS PERMOHONAN")
            .Centered($"Nomor: {application.ReceiptNumber}")
            .Space(12)
            .Paragraph("Telah diterima berkas permohonan perizinan berusaha yang dinyatakan lengkap dengan data sebagai berikut:")
            .Space(6)
            .Fields(
                ("Nama pemohon", application.ApplicantName),
                ("Nama pengguna", application.ApplicantUsername),
                ("Jenis izin", $"{type.Name} ({type.Code})"),
                ("Nama usaha", application.BusinessName),
                ("Alamat usaha", application.BusinessAddress),
                ("Nomor permohonan", application.Id.ToString()),
                ("Diterima pada", PdfDocumentBuilder.IndonesianDateTime(acceptedAtLocal)),
                ("Diperiksa oleh", application.AcceptedBy ?? ""))
            .Space(10)
            .Paragraph("Dokumen persyaratan yang diterima:", bold: true)
            .Space(4)
            .Table(["No", "Persyaratan", "Jenis berkas", "Ukuran", "SHA-256 (awal)"], [0.06, 0.46, 0.16, 0.12, 0.20],
                type.RequiredDocuments.Select((requirement, i) =>
                {
                    var document = application.Documents[requirement.Code];
                    return (IReadOnlyList<string>)
                    [
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{requirement.Name} ({requirement.Code})",
                        document.ContentType, $"{document.Length / 1024.0:0.#} KB".Replace('.', ','), document.Sha256[..16],
                    ];
                }))
            .Space(12)
            .Paragraph($"Berkas diteruskan ke Back Office untuk pemasukan data teknis dan penjadwalan kajian teknis ({ReviewName(type.TechnicalReview.Kind)}, " +
                       $"{type.TechnicalReview.WorkingDays} hari kerja sesuai NSPK). Status permohonan dapat dipantau melalui aplikasi perizinan.")
            .Space(6)
            .Paragraph("Simpan tanda terima ini sebagai bukti penyerahan berkas. Kode SHA-256 mencocokkan setiap dokumen dengan berkas yang diunggah.");
        return pdf.ToBytes();
    }

    static string ReviewName(ReviewKind kind) => kind switch
    {
        ReviewKind.Meeting => "rapat teknis",
        ReviewKind.Inspection => "peninjauan lapangan",
        _ => "rapat teknis dan peninjauan lapangan",
    };
}
