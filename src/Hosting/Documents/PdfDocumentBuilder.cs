using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace Ptsp.Hosting.Documents;

/// <summary>Who issues the documents: printed on every letterhead (<c>Agency__*</c>).</summary>
public sealed record AgencyOptions(string Government, string Name, string ShortName, string Address, string City)
{
    public static AgencyOptions Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("Agency");
        return new AgencyOptions(
            s["Government"] ?? "PEMERINTAH KABUPATEN PURWAKARTA",
            s["Name"] ?? "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            s["ShortName"] ?? "DPMPTSP Kabupaten Purwakarta",
            s["Address"] ?? "Jl. Mr. Dr. Kusumah Atmaja No. 2, Purwakarta 41111 · Telp. (0264) 200 000 · dpmptsp.purwakartakab.go.id",
            s["City"] ?? "Purwakarta");
    }
}

/// <summary>The fonts every PDF embeds (DejaVu Sans, shipped with the code), whatever the machine has installed.</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    static readonly object Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not null)
                return;
            GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            // Unicode text (Identity-H with a ToUnicode map), so any name prints and copies out correctly.
            GlobalFontSettings.DefaultFontEncoding = PdfFontEncoding.Unicode;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ptsp.Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

/// <summary>
/// Writes the agency's A4 documents top to bottom: letterhead, titles, wrapped paragraphs, label/value rows,
/// tables, QR codes — black on white so they print cleanly. Text is real text in an embedded font.
/// </summary>
public sealed class PdfDocumentBuilder : IDisposable
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    const double Margin = 56; // ~2 cm
    readonly PdfDocument _document = new();
    readonly XFont _body = new(EmbeddedFontResolver.Family, 10);
    readonly XFont _bold = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
    readonly AgencyOptions _agency;
    XGraphics _graphics = null!;
    PdfPage _page = null!;
    double _y;

    // Before any font is created, including the fields' (static constructors run first).
    static PdfDocumentBuilder() => EmbeddedFontResolver.Install();

    public PdfDocumentBuilder(AgencyOptions agency, string title, string subject)
    {
        _agency = agency;
        _document.Info.Title = title;
        _document.Info.Subject = subject;
        _document.Info.Author = agency.ShortName;
        _document.Info.Creator = "Ptsp";
        NewPage();
    }

    public PdfDocument Document => _document;

    public PdfPage Page => _page;

    public double Y => _y;

    public double Width => _page.Width.Point - 2 * Margin;

    public double Left => Margin;

    public PdfDocumentBuilder Letterhead()
    {
        var center = new XRect(Margin, _y, Width, 14);
        _graphics.DrawString(_agency.Government, new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold), XBrushes.Black, center, XStringFormats.TopCenter);
        center.Y += 16;
        _graphics.DrawString(_agency.Name, new XFont(EmbeddedFontResolver.Family, 11, XFontStyleEx.Bold), XBrushes.Black, center, XStringFormats.TopCenter);
        center.Y += 15;
        _graphics.DrawString(_agency.Address, new XFont(EmbeddedFontResolver.Family, 8), XBrushes.Black, center, XStringFormats.TopCenter);
        _y = center.Y + 14;
        _graphics.DrawLine(new XPen(XColors.Black, 1.5), Margin, _y, Margin + Width, _y);
        _graphics.DrawLine(new XPen(XColors.Black, 0.5), Margin, _y + 2.5, Margin + Width, _y + 2.5);
        _y += 16;
        return this;
    }

    public PdfDocumentBuilder Title(string text, double size = 12)
    {
        Ensure(size + 6);
        _graphics.DrawString(text, new XFont(EmbeddedFontResolver.Family, size, XFontStyleEx.Bold), XBrushes.Black,
            new XRect(Margin, _y, Width, size + 4), XStringFormats.TopCenter);
        _y += size + 6;
        return this;
    }

    public PdfDocumentBuilder Centered(string text)
    {
        Ensure(14);
        _graphics.DrawString(text, _body, XBrushes.Black, new XRect(Margin, _y, Width, 14), XStringFormats.TopCenter);
        _y += 14;
        return this;
    }

    public PdfDocumentBuilder Space(double points = 10)
    {
        _y += points;
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, bool bold = false, double indent = 0)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            foreach (var line in Wrap(paragraph, bold ? _bold : _body, Width - indent))
            {
                Ensure(13);
                _graphics.DrawString(line, bold ? _bold : _body, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                _y += 13;
            }
        }

        return this;
    }

    /// <summary>"Label : value" rows, values wrapped in their column.</summary>
    public PdfDocumentBuilder Fields(params (string Label, string Value)[] rows)
    {
        const double labelWidth = 150;
        foreach (var (label, value) in rows)
        {
            var lines = Wrap(value, _body, Width - labelWidth - 10).ToList();
            Ensure(13 * lines.Count);
            _graphics.DrawString(label, _body, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            _graphics.DrawString(":", _body, XBrushes.Black, Margin + labelWidth, _y, XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                _graphics.DrawString(line, _body, XBrushes.Black, Margin + labelWidth + 10, _y, XStringFormats.TopLeft);
                _y += 13;
            }
        }

        return this;
    }

    /// <summary>A table with a header row and ruled lines; columns are fractions of the width.</summary>
    public PdfDocumentBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<double> fractions, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = fractions.Select(f => f * Width).ToArray();
        void Row(IReadOnlyList<string> cells, XFont font)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 6).ToList()).ToList();
            var height = 13 * wrapped.Max(w => Math.Max(1, w.Count)) + 4;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                _graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, _y, widths[i], height);
                for (var l = 0; l < wrapped[i].Count; l++)
                    _graphics.DrawString(wrapped[i][l], font, XBrushes.Black, x + 3, _y + 2 + 13 * l, XStringFormats.TopLeft);
                x += widths[i];
            }

            _y += height;
        }

        Row(headers, _bold);
        foreach (var row in rows)
            Row(row, _body);
        return this;
    }

    /// <summary>A QR code drawn as vector squares (crisp when printed), with a caption under it.</summary>
    public XRect QrCode(string content, double x, double y, double size, string? caption = null)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix.Count; col++)
            {
                if (matrix[row][col])
                    _graphics.DrawRectangle(XBrushes.Black, x + col * module, y + row * module, module + 0.05, module + 0.05);
            }
        }

        if (caption is not null)
        {
            var small = new XFont(EmbeddedFontResolver.Family, 7);
            var lines = Wrap(caption, small, size + 40).ToList();
            for (var i = 0; i < lines.Count; i++)
                _graphics.DrawString(lines[i], small, XBrushes.Black, x, y + size + 4 + 9 * i, XStringFormats.TopLeft);
        }

        return new XRect(x, y, size, size);
    }

    /// <summary>Text at a position, for blocks laid out beside each other (signature, QR).</summary>
    public void TextAt(string text, double x, double y, bool bold = false, double size = 10) =>
        _graphics.DrawString(text, new XFont(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), XBrushes.Black, x, y,
            XStringFormats.TopLeft);

    public void Box(double x, double y, double width, double height) =>
        _graphics.DrawRectangle(new XPen(XColors.Black, 0.75), x, y, width, height);

    /// <summary>Diagonal mark across the page, e.g. for an unsigned draft.</summary>
    public void Watermark(string text)
    {
        var state = _graphics.Save();
        _graphics.TranslateTransform(_page.Width.Point / 2, _page.Height.Point / 2);
        _graphics.RotateTransform(-45);
        _graphics.DrawString(text, new XFont(EmbeddedFontResolver.Family, 40, XFontStyleEx.Bold), new XSolidBrush(XColor.FromArgb(70, 128, 128, 128)),
            0, 0, XStringFormats.Center);
        _graphics.Restore(state);
    }

    /// <summary>Makes sure <paramref name="height"/> points fit on this page, else starts the next.</summary>
    public void Ensure(double height)
    {
        if (_y + height > _page.Height.Point - Margin)
            NewPage();
    }

    public byte[] ToBytes()
    {
        _graphics.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics.Dispose();
        _document.Dispose();
    }

    void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }

    /// <summary>"28 November 2026 pukul 14.05 WIB" (WITA, WIT for the other Indonesian zones).</summary>
    public static string IndonesianDateTime(DateTimeOffset local)
    {
        var zone = local.Offset.TotalHours switch
        {
            7 => "WIB",
            8 => "WITA",
            9 => "WIT",
            var h => $"UTC{h:+0;-0}",
        };
        return $"{IndonesianDate(local)} pukul {local:HH.mm} {zone}";
    }

    public static string IndonesianDate(DateTimeOffset local) => local.ToString("d MMMM yyyy", Indonesian);
}
