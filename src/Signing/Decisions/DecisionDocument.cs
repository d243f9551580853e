using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// The decision as a document: the permit or the rejection letter, from the approved draft. Unsigned, it is
/// the verifiers' preview (marked DRAF); signed at step 10 it carries the document number, a QR code to the
/// public verification page, a visible signature block and the electronic signature itself.
/// </summary>
public static class DecisionDocument
{
    public static byte[] Preview(DecisionCase decision, AgencyOptions agency)
    {
        using var pdf = Layout(decision, agency, "(belum bernomor)", null, null, preview: true);
        pdf.Watermark("DRAF — BELUM DITANDATANGANI");
        return pdf.ToBytes();
    }

    public static byte[] Signed(DecisionCase decision, AgencyOptions agency, SigningCredentials credentials, string verificationUrl,
        DateTimeOffset signedAtLocal)
    {
        using var pdf = Layout(decision, agency, decision.DocumentNumber!, verificationUrl, signedAtLocal, credentials.SignerName);
        var box = SignatureBox(pdf);
        DigitalSignatureHandler.ForDocument(pdf.Document, new PdfCmsSigner(credentials, signedAtLocal), new DigitalSignatureOptions
        {
            ContactInfo = agency.ShortName,
            Location = agency.City,
            Reason = decision.Drafts[^1].Kind == DecisionKind.Permit ? "Penerbitan izin" : "Penolakan permohonan izin",
            AppName = "Ptsp",
            PageIndex = pdf.Document.PageCount - 1,
            Rectangle = box,
            // The visible block is page content (it prints); the field over it only makes it clickable in readers.
            AppearanceHandler = new NoAppearance(),
        });
        return pdf.ToBytes();
    }

    static PdfDocumentBuilder Layout(DecisionCase decision, AgencyOptions agency, string number, string? verificationUrl, DateTimeOffset? signedAtLocal,
        string? signerName = null, bool preview = false)
    {
        var draft = decision.Drafts[^1];
        var permit = draft.Kind == DecisionKind.Permit;
        var pdf = new PdfDocumentBuilder(agency, permit ? $"Izin {number}" : $"Surat Penolakan {number}", number);
        pdf.Letterhead();
        if (preview)
            pdf.Paragraph($"DRAF REVISI {draft.Revision} — BELUM DITANDATANGANI, BUKAN DOKUMEN RESMI", bold: true).Space(6);
        pdf.Title(permit ? "SURAT IZIN" : "SURAT PENOLAKAN PERMOHONAN IZIN")
            .Title(decision.PermitTypeName.ToUpperInvariant(), 11)
            .Centered($"Nomor: {number}")
            .Space(12)
            .Fields(
                (permit ? "Nama pemegang izin" : "Nama pemohon", decision.HolderName),
                ("Nama usaha", decision.BusinessName),
                ("Jenis izin", $"{decision.PermitTypeName} ({decision.PermitTypeCode})"),
                ("Nomor permohonan", decision.Id.ToString()))
            .Space(10)
            .Paragraph(permit ? "MEMUTUSKAN" : "MENYATAKAN", bold: true)
            .Space(4)
            .Paragraph(draft.Body)
            .Space(14);

        pdf.Ensure(190);
        var top = pdf.Y;
        var date = signedAtLocal is { } at ? PdfDocumentBuilder.IndonesianDate(at) : "(tanggal penandatanganan)";
        var right = pdf.Left + pdf.Width - 230;
        pdf.TextAt($"Ditetapkan di {agency.City}", right, top);
        pdf.TextAt($"pada tanggal {date}", right, top + 13);
        pdf.TextAt($"KEPALA {agency.ShortName.ToUpperInvariant()}", right, top + 32, bold: true, size: 9);
        if (signerName is not null && signedAtLocal is { } signed)
        {
            pdf.Box(right, top + 48, 230, 70);
            pdf.TextAt("Ditandatangani secara elektronik oleh", right + 6, top + 56, size: 7);
            pdf.TextAt(signerName, right + 6, top + 70, bold: true, size: 9);
            pdf.TextAt(PdfDocumentBuilder.IndonesianDateTime(signed), right + 6, top + 88, size: 7);
        }
        if (verificationUrl is not null)
        {
            pdf.QrCode(verificationUrl, pdf.Left, top, 110, $"Pindai untuk memeriksa keaslian dokumen: {verificationUrl}");
            pdf.TextAt("Dokumen ini ditandatangani secara elektronik dan tidak memerlukan tanda tangan basah.", pdf.Left, top + 175, size: 7);
        }

        return pdf;
    }

    /// <summary>The signature field: over the visible block <see cref="Layout"/> drew (PDF coordinates run bottom-up).</summary>
    static XRect SignatureBox(PdfDocumentBuilder pdf) => new(pdf.Left + pdf.Width - 230, pdf.Page.Height.Point - (pdf.Y + 48) - 70, 230, 70);

    sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }
}
