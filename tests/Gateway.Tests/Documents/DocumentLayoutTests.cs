using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Contracts.Permits;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Hosting.Documents;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;
using Ptsp.Signing.Decisions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Ptsp.Gateway.Tests.Documents;

/// <summary>
/// The SOP's documents as a recipient reads them, for a file that pushes every limit: very long names and addresses,
/// NPWP-sized numbers without spaces, a body of two pages. Every word must lie inside the page margins and inside its
/// table cell or column; long bodies flow onto further pages numbered "Halaman x dari y"; the signature stays with the
/// decision's last part.
/// </summary>
public sealed class DocumentLayoutTests : IDisposable
{
    static readonly AgencyOptions Agency = AgencyOptions.Read(new ConfigurationBuilder().Build());
    static readonly DocumentNumbering Numbering = DocumentNumbering.Read(new ConfigurationBuilder().Build());
    static readonly DecisionTemplates Templates = new();
    static readonly PermitCatalogue Catalogue = new();
    static readonly DateTimeOffset At = new(2026, 11, 30, 14, 5, 0, TimeSpan.FromHours(7));

    const string LongName = "Prof. Dr. Ir. Raden Ayu Sekar Kinasih Wulandari Purnamasari Hadiningrat Kusumawardhani, S.H., M.Kn., M.B.A., Ph.D.";
    const string LongBusiness = "PT Sinar Harapan Makmur Sejahtera Abadi Nusantara Raya Internasional Teknologi Informasi dan Komunikasi Tbk";
    const string LongAddress = "Jalan Raya Industri Terpadu Kawasan Berikat Nusantara Blok C-17 Kavling 23-25 RT 004/RW 012 Kelurahan Nagri Kidul " +
                               "Kecamatan Purwakarta Kabupaten Purwakarta Provinsi Jawa Barat 41111 NPWP 01.234.567.8-901.000 " +
                               "NIB9120301234567890123456789012345678901234567890";
    const string Npwp = "012345678901234567890123456789012345678901234567890123456789";

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-layout-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    static string TwoPages() => string.Join(" ", Enumerable.Range(1, 80).Select(i =>
        $"Ketentuan tambahan butir {i}: pemegang izin menjaga kebersihan, ketertiban dan keamanan di sekitar lokasi usaha sesuai peraturan daerah."));

    [Fact]
    public void The_receipt_keeps_every_word_in_its_cell_and_names_file_types_and_the_officer_as_people_do()
    {
        var type = Catalogue.Find("APOTEK")!;
        var application = new Application
        {
            Id = Guid.NewGuid(),
            ApplicantUsername = "ayu.sekar",
            ApplicantName = LongName,
            PermitTypeCode = type.Code,
            BusinessName = LongBusiness,
            BusinessAddress = LongAddress + " " + Npwp,
            ReceiptNumber = Numbering.Format(NumberedDocument.Receipt, 1, Templates.NumberCode(type.Code), At),
            AcceptedBy = "frontoffice",
            AcceptedByOfficer = new OfficerIdentity("Siti Rahmawati Kusumadewi Anggraeni Puspitasari, S.Sos., M.A.P.", "198501012010012001", null),
            Documents = type.RequiredDocuments.Select((d, i) => (d.Code, Document: new RequirementDocument(Guid.NewGuid(),
                    i % 3 == 0 ? "application/pdf" : i % 3 == 1 ? "image/jpeg" : "image/png", new string('a', 64), 1024L * 1024 * (i + 1) + 123, At)))
                .ToDictionary(x => x.Code, x => x.Document),
        };

        var (pdf, finish) = ReceiptDocument.Layout(application, type, Agency, At);
        var boxes = pdf.Boxes.ToList();
        var bytes = finish();

        AssertLaidOut(bytes, boxes);
        var text = Flat(bytes);
        Assert.Matches(@"503/0001/TT-APT/DPMPTSP/XI/2026", text);
        Assert.Contains("Senin, 30 November 2026 pukul 14.05 WIB", text);
        Assert.Contains("NIP. 198501012010012001", text);
        Assert.Contains("Petugas Front Office", text);
        Assert.Contains("hari kerja", text);
        foreach (var kind in new[] { "PDF", "JPEG", "PNG" })
            Assert.Matches($@"\b{kind}\b", text);
        Assert.DoesNotContain("application/pdf", text);
        Assert.DoesNotContain("image/", text);
        Assert.DoesNotContain("frontoffice", text);
        AssertMetadata(bytes, application.ReceiptNumber);
        Write("tanda-terima.pdf", bytes);
    }

    [Fact]
    public void The_draft_preview_of_a_permit_flows_a_two_page_body_and_keeps_the_signature_with_the_last_part()
    {
        var decision = Decision("REKLAME", Recommendation.Approve, TwoPages());
        var (pdf, _) = DecisionDocument.Layout(decision, Templates.Find("REKLAME"), Agency, null, null, null);
        var boxes = pdf.Boxes.ToList();
        pdf.Watermark("DRAF — BELUM DITANDATANGANI");
        var bytes = pdf.ToBytes();
        pdf.Dispose();

        var pages = AssertLaidOut(bytes, boxes);
        Assert.True(pages.Count >= 3, $"a two-page body and the decree's parts take three pages or more, not {pages.Count}");
        var text = Flat(bytes);
        Assert.Contains("DRAF", text);
        Assert.Contains("Disusun oleh Hendra Gunawan Saputra", text);
        AssertSignatureWithLastPart(pages, "Keputusan ini mulai berlaku");
    }

    [Fact]
    public void A_signed_permit_is_a_decree_with_its_numbered_parts_named_signer_and_valid_signature()
    {
        var decision = Decision("REKLAME", Recommendation.Approve, TwoPages());
        var template = Templates.Find("REKLAME");
        decision.DocumentNumber = Numbering.Format(NumberedDocument.Permit, 1, template!.NumberCode, At);
        Sign(decision);
        var url = $"https://perizinan.purwakartakab.go.id/verify/{decision.DocumentNumber}";

        var (pdf, _) = DecisionDocument.Layout(decision, template, Agency, decision.DocumentNumber, url, At, "Kepala DPMPTSP Kabupaten Purwakarta");
        var boxes = pdf.Boxes.ToList();
        pdf.Dispose();
        var bytes = DecisionDocument.Signed(decision, template, Agency, Credentials(), url, At);

        var pages = AssertLaidOut(bytes, boxes);
        AssertSignatureWithLastPart(pages, "Keputusan ini mulai berlaku");
        var text = Flat(bytes);
        Assert.Contains("503/0001/IZN-REK/DPMPTSP/XI/2026", text);
        foreach (var part in new[] { "Menimbang", "Mengingat", "MEMUTUSKAN", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM" })
            Assert.Contains(part, text);
        Assert.Contains("Peraturan Pemerintah Nomor 5 Tahun 2021", text);
        Assert.Contains("Peraturan Bupati Purwakarta Nomor 118 Tahun 2018", text);
        Assert.Matches(@"1 \(satu\)\s+tahun", text);
        Assert.Contains("Dr. H. Ahmad Fauzi Rahman, M.Si.", text);
        Assert.Contains("NIP. 197203151998031004", text);
        Assert.Contains("PLT. KEPALA DINAS", text);
        Assert.Contains("30 November 2026 pukul 14.05 WIB", text);
        Assert.DoesNotContain("afauzi", text);
        Assert.Contains("Signature is Valid", Tools.PdfSig(bytes));
        Assert.Equal(url, Assert.Single(Tools.QrCodes(bytes)));
        AssertMetadata(bytes, decision.DocumentNumber);
    }

    [Fact]
    public void A_signed_rejection_letter_states_its_numbered_reasons_from_the_technical_team_and_the_drafter()
    {
        var decision = Decision("SIP_DOKTER", Recommendation.Reject, "Alamat praktik pada surat keterangan tidak sama dengan alamat pada permohonan " + Npwp,
            reasons: ["STR yang dilampirkan telah habis masa berlakunya.", LongAddress]);
        var template = Templates.Find("SIP_DOKTER");
        decision.DocumentNumber = Numbering.Format(NumberedDocument.Rejection, 12, template!.NumberCode, At);
        Sign(decision);
        var url = $"https://perizinan.purwakartakab.go.id/verify/{decision.DocumentNumber}";

        var (pdf, _) = DecisionDocument.Layout(decision, template, Agency, decision.DocumentNumber, url, At, "Kepala DPMPTSP Kabupaten Purwakarta");
        var boxes = pdf.Boxes.ToList();
        pdf.Dispose();
        var bytes = DecisionDocument.Signed(decision, template, Agency, Credentials(), url, At);

        var pages = AssertLaidOut(bytes, boxes);
        AssertSignatureWithLastPart(pages, "Demikian disampaikan");
        var text = Flat(bytes);
        Assert.Contains("503/0012/TLK-SIP/DPMPTSP/XI/2026", text);
        Assert.Contains("SURAT PENOLAKAN PERMOHONAN IZIN", text);
        Assert.Matches(@"1\.\s+Hasil kajian teknis: Jarak tempat praktik", text);
        Assert.Matches(@"2\.\s+STR yang dilampirkan", text);
        Assert.Matches(@"4\.\s+Alamat praktik pada surat keterangan", text);
        Assert.Contains("Dr. H. Ahmad Fauzi Rahman, M.Si.", text);
        Assert.Contains("Signature is Valid", Tools.PdfSig(bytes));
        Write("surat-penolakan.pdf", bytes);
    }

    [Fact]
    public void Numbers_follow_the_configured_pattern_with_the_month_in_roman_numerals()
    {
        var custom = DocumentNumbering.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agency:Code"] = "DPMPTSP-PWK",
            ["Numbering:SequenceDigits"] = "5",
            ["Numbering:Permit:Pattern"] = "{classification}.{type}/{sequence}/{agency}/{month}/{year}",
            ["Numbering:Permit:Classification"] = "503.1",
        }).Build());
        Assert.Equal("503.1.REK/00042/DPMPTSP-PWK/IV/2027", custom.Format(NumberedDocument.Permit, 42, "REK", new DateTimeOffset(2027, 4, 1, 8, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal("503/0007/TLK-APT/DPMPTSP/I/2026", Numbering.Format(NumberedDocument.Rejection, 7, "APT", new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal(["I", "IV", "IX", "XII"], new[] { 1, 4, 9, 12 }.Select(DocumentNumbering.Roman));
        Assert.Throws<InvalidOperationException>(() => DocumentNumbering.Read(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Numbering:Receipt:Pattern"] = "{sequence}/{bulan}/{year}" }).Build()));
        Assert.Throws<InvalidOperationException>(() => DocumentNumbering.Read(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Numbering:Receipt:Pattern"] = "{classification}/{sequence}" }).Build()));
    }

    DecisionCase Decision(string type, Recommendation recommendation, string body, IReadOnlyList<string>? reasons = null)
    {
        var template = Templates.Find(type)!;
        var kind = recommendation == Recommendation.Approve ? DecisionKind.Permit : DecisionKind.Rejection;
        return new DecisionCase
        {
            Id = Guid.NewGuid(),
            ApplicantUsername = "ayu.sekar",
            HolderName = LongName,
            BusinessName = LongBusiness + " " + Npwp,
            ReceiptNumber = Numbering.Format(NumberedDocument.Receipt, 1, template.NumberCode, At),
            PermitTypeCode = type,
            PermitTypeName = template.PermitTypeName,
            Recommendation = recommendation,
            RecommendationNotes = recommendation == Recommendation.Reject ? "Jarak tempat praktik kurang dari ketentuan minimal terhadap fasilitas sejenis." : null,
            State = DecisionState.AwaitingSectionHead,
            Drafts = [new Draft(1, kind, body, "hgunawan", At, "Hendra Gunawan Saputra", Reasons: reasons)],
        };
    }

    static void Sign(DecisionCase decision)
    {
        decision.State = DecisionState.Signed;
        decision.SignedBy = "afauzi";
        decision.SignerName = "Dr. H. Ahmad Fauzi Rahman, M.Si.";
        decision.SignerNip = "197203151998031004";
        decision.SignerPosition = "Plt. Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Purwakarta";
        decision.SignedAt = At;
    }

    SigningCredentials Credentials() => new(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Storage:Sqlite:Directory"] = _directory }).Build(),
        TimeProvider.System, NullLogger<SigningCredentials>.Instance);

    /// <summary>
    /// Every horizontal word inside the margins, every word that starts in a laid-out box inside that box; the pages
    /// numbered "Halaman x dari y". Returns each page's words.
    /// </summary>
    static List<List<Word>> AssertLaidOut(byte[] bytes, IReadOnlyList<LayoutBox> boxes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = new List<List<Word>>();
        const double tolerance = 0.75;
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            pages.Add(words);
            var height = page.Height;
            Assert.Contains($"Halaman {page.Number} dari {document.NumberOfPages}", string.Join(" ", words.Select(w => w.Text)));
            foreach (var word in words.Where(w => w.TextOrientation == TextOrientation.Horizontal))
            {
                var (left, right, top, bottom) = (word.BoundingBox.Left, word.BoundingBox.Right, height - word.BoundingBox.Top, height - word.BoundingBox.Bottom);
                Assert.True(left >= PdfDocumentBuilder.Margin - tolerance && right <= page.Width - PdfDocumentBuilder.Margin + tolerance
                                                                         && top >= PdfDocumentBuilder.Margin - tolerance
                                                                         && bottom <= height - PdfDocumentBuilder.Margin + tolerance,
                    $"“{word.Text}” on page {page.Number} lies outside the margins ({left:0.#}–{right:0.#}, {top:0.#}–{bottom:0.#})");
                var startX = left + 0.5;
                var middleY = (top + bottom) / 2;
                foreach (var box in boxes.Where(b => b.Page == page.Number - 1 && b.Rect.Left <= startX && startX <= b.Rect.Right
                                                     && b.Rect.Top <= middleY && middleY <= b.Rect.Bottom))
                {
                    Assert.True(right <= box.Rect.Right + tolerance && top >= box.Rect.Top - 2 && bottom <= box.Rect.Bottom + 2,
                        $"“{word.Text}” on page {page.Number} runs out of its {box.Kind} ({left:0.#}–{right:0.#} in {box.Rect.Left:0.#}–{box.Rect.Right:0.#})");
                }
            }
        }

        Assert.Contains(boxes, b => b.Kind is "cell" or "value" or "part");
        return pages;
    }

    static void AssertSignatureWithLastPart(List<List<Word>> pages, string lastPart)
    {
        var first = lastPart.Split(' ')[0];
        var lastPartPage = pages.FindLastIndex(words => string.Join(" ", words.Select(w => w.Text)).Contains(lastPart, StringComparison.Ordinal));
        var signaturePage = pages.FindIndex(words => string.Join(" ", words.Select(w => w.Text)).Contains("(tempat tanda tangan elektronik)", StringComparison.Ordinal)
                                                     || string.Join(" ", words.Select(w => w.Text)).Contains("Ditandatangani secara elektronik oleh", StringComparison.Ordinal));
        Assert.True(lastPartPage >= 0, $"the last part (“{first} …”) is printed");
        Assert.Equal(pages.Count - 1, signaturePage);
        Assert.Equal(signaturePage, lastPartPage);
    }

    static void AssertMetadata(byte[] bytes, string number)
    {
        using var document = PdfDocument.Open(bytes);
        Assert.Equal(number, document.Information.Keywords);
        Assert.Equal(Agency.ShortName, document.Information.Author);
        Assert.Contains(number, document.Information.Title);
        Assert.False(string.IsNullOrWhiteSpace(document.Information.Subject));
        var fonts = Tools.Run("pdffonts", Tools.TempFile(bytes)).Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Matches(new Regex(@"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$"), line));
    }

    /// <summary>With PTSP_DOCUMENTS_OUT set, keeps the rendered PDFs (README screenshots are made from them).</summary>
    static void Write(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("PTSP_DOCUMENTS_OUT") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    /// <summary>The PDF's text as pdftotext reads it, with every run of white space as one space (lines wrap anywhere).</summary>
    static string Flat(byte[] pdf) => Regex.Replace(Tools.PdfText(pdf), @"\s+", " ");
}
