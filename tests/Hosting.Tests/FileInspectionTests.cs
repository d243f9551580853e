using System.IO.Compression;
using System.Text;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

/// <summary>Issue 14, point 6: officers open what applicants upload, so PDFs with active content and polyglot files are refused.</summary>
public class FileInspectionTests
{
    /// <summary>A small PDF whose catalogue carries <paramref name="catalogueExtra"/>, with the given page text and extra objects.</summary>
    static byte[] Pdf(string catalogueExtra = "", string pageText = "Dokumen persyaratan", params string[] extraObjects)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({pageText}) Tj ET";
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogueExtra}>>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        objects.AddRange(extraObjects);
        var pdf = new StringBuilder("%PDF-1.7\n");
        for (var i = 0; i < objects.Count; i++)
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A PDF 1.5 object stream (compressed, FlateDecode) holding <paramref name="dictionary"/> as object 10.</summary>
    static byte[] PdfWithObjectStream(string dictionary)
    {
        var packed = $"10 0 {dictionary}";
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.Latin1.GetBytes(packed));
        var head = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
                                            $"5 0 obj\n<< /Type  /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Size 11 /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. compressed.ToArray(), .. tail];
    }

    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>The smallest ZIP archive: its end-of-central-directory record alone.</summary>
    static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void A_plain_pdf_an_image_and_their_padding_are_accepted()
    {
        Assert.Null(FileInspection.Refusal(Pdf(), FileTypes.Pdf));
        Assert.Null(FileInspection.Refusal([.. Pdf(), .. new byte[4096]], FileTypes.Pdf));
        Assert.Null(FileInspection.Refusal(Png, FileTypes.Png));
        Assert.Null(FileInspection.Refusal(Jpeg, FileTypes.Jpeg));
        Assert.Null(FileInspection.Refusal(PdfWithObjectStream("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), FileTypes.Pdf));
    }

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >>", "JavaScript")]
    [InlineData("/OpenAction 3 0 R", "aksi otomatis")]
    [InlineData("/AA << /O << /S /Launch /F (cmd.exe) >> >>", "menjalankan program")]
    [InlineData("/AA << /O 3 0 R >>", "aksi otomatis")]
    [InlineData("/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>", "lampiran")]
    [InlineData("/Names << /JavaScript 7 0 R >>", "JavaScript")]
    [InlineData("/Annots [<< /Subtype /RichMedia >>]", "media interaktif")]
    public void A_pdf_with_active_content_is_refused_naming_what_it_holds(string catalogueExtra, string named)
    {
        var refusal = FileInspection.Refusal(Pdf(catalogueExtra), FileTypes.Pdf);
        Assert.NotNull(refusal);
        Assert.Contains("konten aktif", refusal);
        Assert.Contains(named, refusal);
    }

    [Fact]
    public void Hex_escaped_names_are_read_as_what_they_spell()
    {
        Assert.Contains("JavaScript", FileInspection.Refusal(Pdf("/Names << /J#61vaScript 7 0 R >>"), FileTypes.Pdf));
        Assert.Contains("aksi otomatis", FileInspection.Refusal(Pdf("/#4Fpen#41ction 3 0 R"), FileTypes.Pdf));
        Assert.NotNull(FileInspection.Refusal(Pdf(extraObjects: "<< /S /#4A#53 (x) >>"), FileTypes.Pdf));
    }

    [Fact]
    public void Javascript_hidden_in_a_compressed_object_stream_is_found()
    {
        var refusal = FileInspection.Refusal(PdfWithObjectStream("<< /S /JavaScript /JS (app.launchURL\\('http://x'\\)) >>"), FileTypes.Pdf);
        Assert.Contains("JavaScript", refusal);
    }

    [Fact]
    public void Words_that_look_like_names_in_the_page_text_are_not_active_content()
    {
        Assert.Null(FileInspection.Refusal(Pdf(pageText: "Lihat /JavaScript /OpenAction /Launch dalam teks"), FileTypes.Pdf));
    }

    [Fact]
    public void A_pdf_with_data_after_its_end_or_a_zip_inside_is_a_polyglot()
    {
        Assert.Contains("poliglot", FileInspection.Refusal([.. Pdf(), .. "PK\u0003\u0004isi-lain"u8.ToArray()], FileTypes.Pdf));
        Assert.Contains("poliglot", FileInspection.Refusal([.. Pdf(), .. EmptyZip], FileTypes.Pdf));
        Assert.Contains("poliglot", FileInspection.Refusal(Pdf(extraObjects: "<< /Note (PK\u0003\u0004) >>"), FileTypes.Pdf));
        Assert.NotNull(FileInspection.Refusal(Pdf()[..^7], FileTypes.Pdf));
    }

    [Fact]
    public void An_image_that_is_also_a_pdf_or_a_zip_is_a_polyglot()
    {
        var pdfInPng = Png[..33].Concat("%PDF-1.7 1 0 obj"u8.ToArray()).Concat(Png[33..]).ToArray();
        Assert.Contains("poliglot", FileInspection.Refusal(pdfInPng, FileTypes.Png));
        Assert.Contains("poliglot", FileInspection.Refusal([.. Png, .. "sisa"u8.ToArray()], FileTypes.Png));
        Assert.Contains("poliglot", FileInspection.Refusal([.. Jpeg, .. EmptyZip], FileTypes.Jpeg));
        Assert.Contains("poliglot", FileInspection.Refusal([.. Jpeg[..^2], .. Pdf(), .. Jpeg[^2..]], FileTypes.Jpeg));
    }
}
