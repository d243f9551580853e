using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// The decision as a document, from the approved draft and the permit type's template: a permit is a decree of the
/// agency head (Menimbang, Mengingat, MEMUTUSKAN with the numbered parts KESATU, KEDUA, …: the grant, the validity,
/// the holder's obligations, the drafter's provision, revocation, entry into force); a rejection is a letter stating
/// its numbered reasons. Unsigned, it is the verifiers' preview (marked DRAF); signed at step 10 it carries the
/// document number, a QR code to the public verification page, a visible signature block naming the signer and the
/// time, and the electronic signature itself. The signature block never leaves the decision's last part.
/// </summary>
public static class DecisionDocument
{
    const double SignatureWidth = 230;
    const double SealHeight = 62;

    static readonly string[] Ordinals =
    [
        "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN", "KESEPULUH",
    ];

    public static byte[] Preview(DecisionCase decision, DecisionTemplate? template, AgencyOptions agency)
    {
        var (pdf, _) = Layout(decision, template, agency, null, null, null);
        using (pdf)
        {
            pdf.Watermark("DRAF — BELUM DITANDATANGANI");
            return pdf.ToBytes();
        }
    }

    public static byte[] Signed(DecisionCase decision, DecisionTemplate? template, AgencyOptions agency, SigningCredentials credentials,
        string verificationUrl, DateTimeOffset signedAtLocal)
    {
        var (pdf, seal) = Layout(decision, template, agency, decision.DocumentNumber!, verificationUrl, signedAtLocal, credentials.SignerName);
        using (pdf)
        {
            // PDF coordinates run bottom-up.
            var box = new XRect(seal.X, pdf.Page.Height.Point - seal.Bottom, seal.Width, seal.Height);
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
    }

    /// <summary>
    /// The document laid out (not yet finished): for <see cref="Preview"/>, <see cref="Signed"/> and layout checks. Returns
    /// the electronic-signature box on the last page (top-left coordinates).
    /// </summary>
    public static (PdfDocumentBuilder Pdf, XRect Seal) Layout(DecisionCase decision, DecisionTemplate? template, AgencyOptions agency, string? number,
        string? verificationUrl, DateTimeOffset? signedAtLocal, string? certificateName = null)
    {
        var draft = decision.Drafts[^1];
        var permit = draft.Kind == DecisionKind.Permit;
        var shownNumber = number ?? "(belum bernomor)";
        var typeName = template?.PermitTypeName ?? decision.PermitTypeName;
        var title = permit ? $"Keputusan Kepala {agency.ShortName} tentang {typeName}" : $"Surat Penolakan Permohonan {typeName}";
        var pdf = new PdfDocumentBuilder(agency, $"{title} Nomor {shownNumber}",
            permit ? $"{typeName} atas nama {decision.HolderName} ({decision.BusinessName})" : $"Penolakan permohonan {typeName} atas nama {decision.HolderName}",
            number); // an unsigned draft has no number yet, so no keywords a verifier could mistake for one
        pdf.Letterhead();
        if (number is null)
        {
            pdf.Paragraph($"DRAF REVISI {draft.Revision} — BELUM DITANDATANGANI, BUKAN DOKUMEN RESMI", bold: true);
            pdf.Paragraph($"Disusun oleh {draft.DrafterName ?? draft.DraftedBy}.").Space(6);
        }

        var lastPart = permit ? PermitBody(pdf, decision, template, agency, draft, shownNumber) : RejectionBody(pdf, decision, template, draft, shownNumber);
        var seal = SignatureBlock(pdf, decision, agency, permit, lastPart, verificationUrl, signedAtLocal, certificateName);
        return (pdf, seal);
    }

    /// <summary>The decree up to (not including) its last part, which is returned so it stays with the signature.</summary>
    static string PermitBody(PdfDocumentBuilder pdf, DecisionCase decision, DecisionTemplate? template, AgencyOptions agency, Draft draft, string number)
    {
        var head = HeadTitle(decision, agency);
        var typeName = template?.PermitTypeName ?? decision.PermitTypeName;
        pdf.Title($"KEPUTUSAN {head.ToUpperInvariant()}", 11)
            .Centered($"NOMOR: {number}")
            .Title("TENTANG", 10)
            .Title($"{typeName.ToUpperInvariant()} ATAS NAMA {decision.HolderName.ToUpperInvariant()}", 11)
            .Space(8)
            .Title($"{head.ToUpperInvariant()},", 10)
            .Space(6);

        if (template is not null)
        {
            var considerations = template.Considerations.Append(
                $"bahwa berdasarkan pertimbangan sebagaimana dimaksud di atas, perlu menetapkan Keputusan {head} tentang {typeName} atas nama {decision.HolderName}")
                .ToList();
            List(pdf, "Menimbang", considerations, i => $"{(char)('a' + i)}.", ";", ";");
            pdf.Space(4);
            List(pdf, "Mengingat", template.LegalBasis, i => $"{i + 1}.", ";", ".");
            pdf.Space(6);
        }

        pdf.Title("MEMUTUSKAN:", 10).Space(2);
        pdf.Part("Menetapkan", $"KEPUTUSAN {head.ToUpperInvariant()} TENTANG {typeName.ToUpperInvariant()} ATAS NAMA {decision.HolderName.ToUpperInvariant()}.");
        var parts = new List<Action<string>>
        {
            label =>
            {
                pdf.Part(label, $"Memberikan {typeName} kepada:");
                pdf.Part("", $"Nama pemegang izin: {decision.HolderName}", marker: "1.", markerWidth: 16);
                pdf.Part("", $"Nama usaha: {decision.BusinessName}", marker: "2.", markerWidth: 16);
                pdf.Part("", $"Nomor tanda terima: {decision.ReceiptNumber ?? "-"}", marker: "3.", markerWidth: 16);
                pdf.Part("", $"Nomor permohonan: {decision.Id}", marker: "4.", markerWidth: 16);
            },
        };
        var validity = draft.Validity ?? template?.Validity;
        if (validity is not null)
            parts.Add(label => pdf.Part(label, $"Izin sebagaimana dimaksud dalam Diktum KESATU berlaku selama {validity} terhitung sejak tanggal ditetapkan."));
        var obligations = draft.Obligations ?? template?.Obligations;
        string? obligationsLabel = null;
        if (obligations is { Count: > 0 })
        {
            parts.Add(label =>
            {
                obligationsLabel = label;
                pdf.Part(label, "Pemegang izin wajib:");
                for (var i = 0; i < obligations.Count; i++)
                    pdf.Part("", obligations[i] + (i < obligations.Count - 1 ? ";" : "."), marker: $"{i + 1}.", markerWidth: 16);
            });
        }

        if (draft.Body.Length > 0)
            parts.Add(label => pdf.Part(label, draft.Body));
        parts.Add(label => pdf.Part(label, obligationsLabel is null
            ? "Izin ini dapat dicabut apabila pemegang izin melanggar ketentuan peraturan perundang-undangan."
            : $"Izin ini dapat dicabut apabila pemegang izin tidak memenuhi kewajiban sebagaimana dimaksud dalam Diktum {obligationsLabel} atau melanggar ketentuan peraturan perundang-undangan."));
        for (var i = 0; i < parts.Count; i++)
            parts[i](Ordinal(i));
        var last = Ordinal(parts.Count);
        return $"{last}\n" +
               "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya.";
    }

    static string RejectionBody(PdfDocumentBuilder pdf, DecisionCase decision, DecisionTemplate? template, Draft draft, string number)
    {
        var typeName = template?.PermitTypeName ?? decision.PermitTypeName;
        pdf.Title("SURAT PENOLAKAN PERMOHONAN IZIN")
            .Centered($"Nomor: {number}")
            .Space(10)
            .Fields(
                ("Kepada Yth.", decision.HolderName),
                ("Nama usaha", decision.BusinessName),
                ("Perihal", $"Penolakan permohonan {typeName}"),
                ("Nomor tanda terima", decision.ReceiptNumber ?? "-"),
                ("Nomor permohonan", decision.Id.ToString()))
            .Space(8)
            .Paragraph($"Menunjuk permohonan Saudara atas {typeName}" +
                       (decision.ReceiptNumber is null ? "" : $" yang diterima dengan tanda terima nomor {decision.ReceiptNumber}") +
                       ", dan berdasarkan hasil pemeriksaan berkas serta kajian teknis, dengan ini kami sampaikan bahwa permohonan tersebut DITOLAK dengan alasan sebagai berikut:")
            .Space(4);
        var reasons = Reasons(decision, draft);
        for (var i = 0; i < reasons.Count; i++)
            pdf.Part("", reasons[i], labelWidth: 0, marker: $"{i + 1}.", markerWidth: 16);
        if (template is not null)
        {
            pdf.Space(6).Paragraph("Penolakan ini berdasarkan ketentuan:");
            for (var i = 0; i < template.LegalBasis.Count; i++)
                pdf.Part("", template.LegalBasis[i] + (i < template.LegalBasis.Count - 1 ? ";" : "."), labelWidth: 0, marker: $"{i + 1}.", markerWidth: 16);
        }

        pdf.Space(6);
        return "\nSaudara dapat mengajukan permohonan baru setelah memenuhi persyaratan dan ketentuan di atas. " +
               "Demikian disampaikan untuk menjadi perhatian.";
    }

    /// <summary>The numbered reasons of a rejection: the technical team's, then the drafter's.</summary>
    public static IReadOnlyList<string> Reasons(DecisionCase decision, Draft draft)
    {
        var reasons = new List<string>();
        if (decision.RecommendationNotes is { } notes)
            reasons.Add($"Hasil kajian teknis: {notes}");
        reasons.AddRange(draft.Reasons ?? []);
        if (draft.Body.Length > 0)
            reasons.Add(draft.Body);
        return reasons;
    }

    /// <summary>
    /// The last part ("label\ntext") and the signature block under it, kept on one page; QR code and seal beside the block.
    /// </summary>
    static XRect SignatureBlock(PdfDocumentBuilder pdf, DecisionCase decision, AgencyOptions agency, bool permit, string lastPart,
        string? verificationUrl, DateTimeOffset? signedAtLocal, string? certificateName)
    {
        var split = lastPart.IndexOf('\n');
        var (label, text) = (lastPart[..split], lastPart[(split + 1)..]);
        var partHeight = permit ? pdf.MeasurePart(text) : pdf.MeasureParagraph(text);
        var title = (decision.SignerPosition ?? HeadTitle(decision, agency)).ToUpperInvariant();
        var name = signedAtLocal is null ? "(nama penandatangan)" : decision.SignerName ?? "";
        var nip = signedAtLocal is null ? null : decision.SignerNip;
        var date = signedAtLocal is { } at ? PdfDocumentBuilder.IndonesianDate(at) : "(tanggal penandatanganan)";
        var place = permit ? new[] { $"Ditetapkan di {agency.City}", $"pada tanggal {date}" } : [$"{agency.City}, {date}"];
        var right = pdf.Left + pdf.Width - SignatureWidth;
        var blockHeight = place.Sum(p => pdf.MeasureTextBlock(p, SignatureWidth)) + 6
                          + pdf.MeasureOfficerBlock(SignatureWidth, title, name, nip, SealHeight + 8);
        var qrHeight = verificationUrl is null ? 0 : 190;
        pdf.Ensure(partHeight + 14 + Math.Max(blockHeight, qrHeight));
        if (permit)
            pdf.Part(label, text);
        else
            pdf.Paragraph(text);
        pdf.Space(14);

        var top = pdf.Y;
        var y = top;
        foreach (var line in place)
            y += pdf.TextBlock(line, right, y, SignatureWidth);
        y += 6;
        var titleHeight = pdf.MeasureTextBlock(title, SignatureWidth, bold: true, size: 9);
        var seal = new XRect(right, y + titleHeight + 4, SignatureWidth, SealHeight);
        y += pdf.OfficerBlock(right, y, SignatureWidth, title, name, nip, SealHeight + 8);
        pdf.Box(seal.X, seal.Y, seal.Width, seal.Height);
        if (signedAtLocal is { } signed)
        {
            var inner = SignatureWidth - 12;
            var sy = seal.Y + 6;
            sy += pdf.TextBlock("Ditandatangani secara elektronik oleh", seal.X + 6, sy, inner, size: 7);
            sy += pdf.TextBlock(decision.SignerName ?? "", seal.X + 6, sy, inner, bold: true, size: 8);
            sy += pdf.TextBlock($"pada {PdfDocumentBuilder.IndonesianDateTime(signed)}", seal.X + 6, sy, inner, size: 7);
            if (certificateName is not null)
                pdf.TextBlock($"Sertifikat: {certificateName}", seal.X + 6, sy, inner, size: 7);
        }
        else
        {
            pdf.TextBlock("(tempat tanda tangan elektronik)", seal.X + 6, seal.Y + 24, SignatureWidth - 12, size: 7);
        }

        if (verificationUrl is not null)
        {
            pdf.QrCode(verificationUrl, pdf.Left, top, 110);
            var caption = top + 116;
            caption += pdf.TextBlock("Pindai untuk memeriksa keaslian dokumen:", pdf.Left, caption, 190, size: 7);
            caption += pdf.TextBlock(verificationUrl, pdf.Left, caption, 190, size: 7);
            pdf.TextBlock("Dokumen ini ditandatangani secara elektronik dan tidak memerlukan tanda tangan basah.", pdf.Left, caption + 4, 190, size: 7);
        }

        pdf.Space(Math.Max(y - top, qrHeight));
        return seal;
    }

    /// <summary>The agency head's title: as configured (Agency__Titles__AgencyHead), with the regency.</summary>
    static string HeadTitle(DecisionCase decision, AgencyOptions agency)
    {
        var title = agency.TitleFor(Roles.AgencyHead);
        var region = agency.Government.Replace("PEMERINTAH ", "", StringComparison.OrdinalIgnoreCase);
        return title.Contains(region, StringComparison.OrdinalIgnoreCase) ? title : $"{title} {ToTitle(region)}";
    }

    static string ToTitle(string upper) => PdfDocumentBuilder.Indonesian.TextInfo.ToTitleCase(upper.ToLowerInvariant());

    static string Ordinal(int index) => index < Ordinals.Length ? Ordinals[index] : $"KE-{index + 1}";

    static void List(PdfDocumentBuilder pdf, string label, IReadOnlyList<string> items, Func<int, string> marker, string separator, string end)
    {
        for (var i = 0; i < items.Count; i++)
            pdf.Part(i == 0 ? label : "", items[i].TrimEnd(';', '.') + (i < items.Count - 1 ? separator : end), marker: marker(i), markerWidth: 16);
    }

    sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }
}
