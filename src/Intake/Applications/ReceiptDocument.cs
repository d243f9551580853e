using System.Globalization;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;

namespace Ptsp.Intake.Applications;

/// <summary>SOP step 4's output: the receipt (tanda terima) of a complete application file, as an A4 PDF.</summary>
public static class ReceiptDocument
{
    public static byte[] Render(Application application, PermitTypeInfo type, AgencyOptions agency, DateTimeOffset acceptedAtLocal) =>
        Layout(application, type, agency, acceptedAtLocal).Finish();

    /// <summary>The receipt laid out, for <see cref="Render"/> and for layout checks (<see cref="PdfDocumentBuilder.Boxes"/>).</summary>
    public static (PdfDocumentBuilder Pdf, Func<byte[]> Finish) Layout(Application application, PermitTypeInfo type, AgencyOptions agency,
        DateTimeOffset acceptedAtLocal)
    {
        var number = application.ReceiptNumber!;
        var officer = application.AcceptedByOfficer ?? new OfficerIdentity(application.AcceptedBy ?? "", null, null);
        var pdf = new PdfDocumentBuilder(agency, $"Tanda Terima Berkas Permohonan {number}", $"Tanda terima berkas permohonan {type.Name}", number);
        pdf.Letterhead()
            .Title("TANDA TERIMA BERKAS PERMOHONAN")
            .Centered($"Nomor: {number}")
            .Space(12)
            .Paragraph("Telah diterima berkas permohonan perizinan yang dinyatakan lengkap dengan data sebagai berikut:")
            .Space(6)
            .Fields(
                ("Nama pemohon", application.ApplicantName),
                ("Jenis izin", type.Name),
                ("Nama usaha", application.BusinessName),
                ("Alamat usaha", application.BusinessAddress),
                ("Nomor permohonan", application.Id.ToString()),
                ("Diterima pada", PdfDocumentBuilder.IndonesianLongDateTime(acceptedAtLocal)),
                ("Diperiksa oleh", officer.Nip is null ? officer.Name : $"{officer.Name} (NIP. {officer.Nip})"))
            .Space(10)
            .Paragraph("Dokumen persyaratan yang diterima:", bold: true)
            .Space(4)
            .Table(["No", "Persyaratan", "Jenis berkas", "Ukuran", "SHA-256 (awal)"], [0.06, 0.46, 0.14, 0.12, 0.22],
                type.RequiredDocuments.Select((requirement, i) =>
                {
                    var document = application.Documents[requirement.Code];
                    return (IReadOnlyList<string>)
                    [
                        (i + 1).ToString(CultureInfo.InvariantCulture), requirement.Name, FileTypes.DisplayName(document.ContentType),
                        Size(document.Length), document.Sha256[..16],
                    ];
                }))
            .Space(12)
            .Paragraph($"Berkas diteruskan ke Petugas Back Office untuk pemasukan data teknis dan penjadwalan kajian teknis ({ReviewName(type.TechnicalReview.Kind)}, " +
                       $"{WorkingDays(type.TechnicalReview.WorkingDays)} sesuai NSPK)." +
                       (type.StatutoryWorkingDays is { } days ? $" Keputusan atas permohonan diterbitkan paling lama {WorkingDays(days)} sejak berkas dinyatakan lengkap." : "") +
                       " Status permohonan dapat dipantau melalui aplikasi perizinan.")
            .Space(6)
            .Paragraph("Simpan tanda terima ini sebagai bukti penyerahan berkas. Kode SHA-256 mencocokkan setiap dokumen dengan berkas yang diunggah.")
            .Space(16);

        const double width = 230;
        var title = officer.Position ?? agency.TitleFor(Roles.FrontOffice);
        var dateLine = $"{agency.City}, {PdfDocumentBuilder.IndonesianDate(acceptedAtLocal)}";
        pdf.Ensure(pdf.MeasureTextBlock(dateLine, width) + pdf.MeasureOfficerBlock(width, title, officer.Name, officer.Nip, 30));
        var right = pdf.Left + pdf.Width - width;
        var top = pdf.Y;
        var used = pdf.TextBlock(dateLine, right, top, width);
        used += pdf.OfficerBlock(right, top + used, width, title, officer.Name, officer.Nip, 30);
        pdf.Space(used);
        return (pdf, () =>
        {
            using (pdf)
                return pdf.ToBytes();
        });
    }

    static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{(bytes / 1024.0 / 1024.0).ToString("0.#", PdfDocumentBuilder.Indonesian)} MB"
            : $"{(bytes / 1024.0).ToString("0.#", PdfDocumentBuilder.Indonesian)} KB";

    static string WorkingDays(int days) => $"{days} hari kerja";

    static string ReviewName(ReviewKind kind) => kind switch
    {
        ReviewKind.Meeting => "rapat kajian teknis",
        ReviewKind.Inspection => "peninjauan lapangan",
        _ => "rapat kajian teknis dan peninjauan lapangan",
    };
}
