using System.IO.Compression;
using System.Text;

namespace Ptsp.Hosting.Storage;

/// <summary>
/// What officers will open must not act on its own (issue 14, point 6): a PDF with active content — JavaScript, an action
/// on opening, a launch, embedded files, additional actions, rich media — and a polyglot file (one that is also read as
/// another format: a ZIP behind a PDF or an image, a PDF inside an image, data after a PDF's end) are refused.
/// Names are compared after their <c>#xx</c> escapes are decoded (<c>/J#61vaScript</c> is <c>/JavaScript</c>), and the
/// dictionaries packed into compressed object streams are inflated and read too. Stream contents (page text, images)
/// are not read as structure, so their bytes cannot look like a name by chance.
/// </summary>
public static class FileInspection
{
    /// <summary>The PDF names that make a document act when it is opened or used.</summary>
    static readonly string[] ActiveNames =
        ["JavaScript", "JS", "Launch", "EmbeddedFiles", "EmbeddedFile", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE", "OpenAction", "AA"];

    /// <summary>An inflated object stream larger than this is itself suspicious (a compression bomb).</summary>
    const int MaxInflated = 32 * 1024 * 1024;

    static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();
    static readonly byte[] ZipEnd = [0x50, 0x4B, 0x05, 0x06];
    static readonly byte[] ZipEntry = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] PngEnd = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Why the file is refused, in Bahasa Indonesia; null when it may be stored.</summary>
    public static string? Refusal(ReadOnlySpan<byte> content, string contentType)
    {
        if (HasZipDirectoryAtEnd(content))
            return "Berkas ini sekaligus berupa arsip ZIP (berkas poliglot) dan tidak dapat diterima. Unggah berkas aslinya saja.";
        return contentType switch
        {
            FileTypes.Pdf => PdfRefusal(content),
            FileTypes.Jpeg or FileTypes.Png when content.IndexOf(PdfHeader) >= 0 =>
                "Berkas gambar ini juga memuat dokumen PDF (berkas poliglot) dan tidak dapat diterima. Unggah gambar aslinya saja.",
            FileTypes.Png when !content.EndsWith(PngEnd) =>
                "Berkas PNG ini memuat data lain setelah akhir gambarnya (berkas poliglot) dan tidak dapat diterima. Unggah gambar aslinya saja.",
            _ => null,
        };
    }

    static string? PdfRefusal(ReadOnlySpan<byte> content)
    {
        var tail = content.LastIndexOf("%%EOF"u8);
        if (tail < 0)
            return "Berkas PDF ini tidak lengkap (tanda akhir %%EOF tidak ada). Unggah ulang berkas PDF yang utuh.";
        foreach (var b in content[(tail + 5)..])
        {
            if (!IsWhitespace(b))
                return "Berkas PDF ini memuat data lain setelah akhir dokumennya (berkas poliglot) dan tidak dapat diterima. Unggah PDF aslinya saja.";
        }

        var structure = new List<byte>(Math.Min(content.Length, 1 << 20));
        var position = 0;
        while (position < content.Length)
        {
            var start = FindStreamStart(content, position);
            if (start.Keyword < 0)
            {
                structure.AddRange(content[position..]);
                break;
            }

            var dictionaryEnd = start.Keyword;
            structure.AddRange(content[position..dictionaryEnd]);
            var end = content[start.Data..].IndexOf("endstream"u8);
            var data = end < 0 ? content[start.Data..] : content[start.Data..(start.Data + end)];
            // An object stream holds dictionaries (PDF 1.5+): inflate it and read them as structure too.
            var dictionary = Encoding.Latin1.GetString(content[LastObjectStart(content, dictionaryEnd)..dictionaryEnd]);
            if (Normalise(dictionary).Contains("/Type/ObjStm", StringComparison.Ordinal))
            {
                if (Inflate(data) is not { } inflated)
                    return "Berkas PDF ini memuat bagian terkompresi yang tidak dapat diperiksa dan tidak dapat diterima. Simpan ulang sebagai PDF biasa.";
                structure.AddRange(inflated);
            }

            position = end < 0 ? content.Length : start.Data + end + "endstream".Length;
        }

        var bytes = structure.ToArray();
        var names = Names(bytes);
        var found = names.Where(ActiveNames.Contains).ToHashSet();
        // The most telling name first: "/OpenAction << /S /JavaScript" is named as JavaScript.
        if (found.Count > 0 && ActiveNames.First(found.Contains) is var active)
            return $"Berkas PDF ini memuat konten aktif ({Describe(active)}) yang dapat berjalan saat dibuka petugas, sehingga tidak dapat diterima. " +
                   "Cetak ulang ke PDF (\"Print to PDF\") atau simpan ulang tanpa skrip, lampiran, dan aksi, lalu unggah kembali.";
        if (bytes.AsSpan().IndexOf(ZipEntry) >= 0 || bytes.AsSpan().IndexOf("<script"u8) >= 0)
            return "Berkas PDF ini juga memuat format lain (berkas poliglot) dan tidak dapat diterima. Unggah PDF aslinya saja.";
        return null;
    }

    static string Describe(string name) => name switch
    {
        "JS" or "JavaScript" => "JavaScript",
        "OpenAction" or "AA" => "aksi otomatis",
        "Launch" => "perintah menjalankan program",
        "EmbeddedFile" or "EmbeddedFiles" => "berkas lampiran tersemat",
        "RichMedia" => "media interaktif",
        "XFA" or "SubmitForm" or "ImportData" => "formulir interaktif",
        _ => name,
    };

    /// <summary>A ZIP reader starts at the end-of-directory record, which sits in the last 22 bytes plus its comment.</summary>
    static bool HasZipDirectoryAtEnd(ReadOnlySpan<byte> content)
    {
        var from = Math.Max(0, content.Length - 22 - ushort.MaxValue);
        var window = content[from..];
        for (var i = window.LastIndexOf(ZipEnd); i >= 0; i = window[..i].LastIndexOf(ZipEnd))
        {
            if (i + 22 <= window.Length && i + 22 + (window[i + 20] | window[i + 21] << 8) == window.Length)
                return true;
        }

        return false;
    }

    /// <summary>The next <c>stream</c> keyword followed by an end of line (where a stream's data begins).</summary>
    static (int Keyword, int Data) FindStreamStart(ReadOnlySpan<byte> content, int from)
    {
        while (from < content.Length)
        {
            var i = content[from..].IndexOf("stream"u8);
            if (i < 0)
                return (-1, -1);
            var keyword = from + i;
            var after = keyword + 6;
            var isKeyword = (keyword == 0 || !char.IsAsciiLetter((char)content[keyword - 1])) && after < content.Length;
            if (isKeyword && content[after] == '\n')
                return (keyword, after + 1);
            if (isKeyword && content[after] == '\r')
                return (keyword, after + 1 < content.Length && content[after + 1] == '\n' ? after + 2 : after + 1);
            from = after;
        }

        return (-1, -1);
    }

    static int LastObjectStart(ReadOnlySpan<byte> content, int before)
    {
        var obj = content[..before].LastIndexOf(" obj"u8);
        return obj < 0 ? 0 : obj;
    }

    static byte[]? Inflate(ReadOnlySpan<byte> data)
    {
        try
        {
            using var input = new MemoryStream(data.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaxInflated)
                    return null;
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Every name token (<c>/Name</c>) in the structure, with its <c>#xx</c> escapes decoded.</summary>
    static IEnumerable<string> Names(byte[] structure)
    {
        for (var i = 0; i < structure.Length; i++)
        {
            if (structure[i] != '/')
                continue;
            var name = new StringBuilder();
            var j = i + 1;
            for (; j < structure.Length && !IsWhitespace(structure[j]) && !IsDelimiter(structure[j]); j++)
            {
                if (structure[j] == '#' && j + 2 < structure.Length && IsHex(structure[j + 1]) && IsHex(structure[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(structure, j + 1, 2), 16));
                    j += 2;
                }
                else
                {
                    name.Append((char)structure[j]);
                }
            }

            yield return name.ToString();
            i = j - 1;
        }
    }

    /// <summary>A dictionary's text with name escapes decoded and the spaces around names removed, to look for /Type/ObjStm.</summary>
    static string Normalise(string dictionary) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(dictionary, "#([0-9A-Fa-f]{2})", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()),
            @"\s+(?=/)", "");

    static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}'
        or (byte)'/' or (byte)'%';

    static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
}
