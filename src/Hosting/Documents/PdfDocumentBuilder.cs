using System.Globalization;
using Microsoft.Extensions.Configuration;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Ptsp.Hosting.Documents;

/// <summary>
/// Writes the agency's A4 documents top to bottom: letterhead, titles, wrapped paragraphs, label/value rows,
/// tables, QR codes — black on white so they print cleanly. Text is real text in an embedded font. Nothing
/// overflows: lines wrap inside their column (a word wider than its column is broken), content that does not fit
/// flows onto a further page, and every page is footed "Halaman x dari y".
/// </summary>
public sealed class PdfDocumentBuilder : IDisposable
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public const double Margin = 56; // ~2 cm
    const double FooterHeight = 18;
    const double LineHeight = 13;
    readonly PdfDocument _document = new();
    readonly List<LayoutBox> _boxes = [];
    string? _watermark;
    readonly XFont _body = new(EmbeddedFontResolver.Family, 10);
    readonly XFont _bold = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
    readonly AgencyOptions _agency;
    XGraphics _graphics = null!;
    PdfPage _page = null!;
    double _y;

    // Before any font is created, including the fields' (static constructors run first).
    static PdfDocumentBuilder() => EmbeddedFontResolver.Install();

    /// <param name="keywords">The document's number, so archives and search find it in the metadata.</param>
    public PdfDocumentBuilder(AgencyOptions agency, string title, string subject, string? keywords = null)
    {
        _agency = agency;
        _document.Info.Title = title;
        _document.Info.Subject = subject;
        _document.Info.Author = agency.ShortName;
        _document.Info.Creator = "Ptsp";
        if (keywords is not null)
            _document.Info.Keywords = keywords;
        NewPage();
    }

    /// <summary>The boxes text was laid out in, page by page (0-based), in PDF points from the top left.</summary>
    public IReadOnlyList<LayoutBox> Boxes => _boxes;

    /// <summary>The lowest point content may reach on a page: above the footer, inside the margin.</summary>
    public double Bottom => _page.Height.Point - Margin - FooterHeight;

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
        var font = new XFont(EmbeddedFontResolver.Family, size, XFontStyleEx.Bold);
        foreach (var line in Wrap(text, font, Width))
        {
            Ensure(size + 6);
            _graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, size + 4), XStringFormats.TopCenter);
            _y += size + 6;
        }

        return this;
    }

    public PdfDocumentBuilder Centered(string text)
    {
        foreach (var line in Wrap(text, _body, Width))
        {
            Ensure(14);
            _graphics.DrawString(line, _body, XBrushes.Black, new XRect(Margin, _y, Width, 14), XStringFormats.TopCenter);
            _y += 14;
        }

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
                Ensure(LineHeight);
                _graphics.DrawString(line, bold ? _bold : _body, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                _y += LineHeight;
            }
        }

        return this;
    }

    /// <summary>The height <see cref="Paragraph"/> would take for <paramref name="text"/>.</summary>
    public double MeasureParagraph(string text, bool bold = false, double indent = 0) =>
        LineHeight * text.Replace("\r", "").Split('\n').Sum(p => Wrap(p, bold ? _bold : _body, Width - indent).Count());

    /// <summary>
    /// A labelled, numbered part of a decree ("KESATU : text", "Menimbang : a. …"): the label in its own column, the
    /// text wrapped beside it and flowing onto the next page when long.
    /// </summary>
    public PdfDocumentBuilder Part(string label, string text, double labelWidth = 90, string? marker = null, double markerWidth = 0)
    {
        var first = true;
        var textLeft = Margin + labelWidth + 10 + markerWidth;
        var lines = text.Replace("\r", "").Split('\n').SelectMany(p => Wrap(p, _body, Margin + Width - textLeft)).ToList();
        Ensure(LineHeight * Math.Min(lines.Count, 2));
        foreach (var line in lines)
        {
            Ensure(LineHeight);
            if (first)
            {
                if (label.Length > 0)
                {
                    _graphics.DrawString(label, _bold, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                    _graphics.DrawString(":", _body, XBrushes.Black, Margin + labelWidth, _y, XStringFormats.TopLeft);
                }

                if (marker is not null)
                    _graphics.DrawString(marker, _body, XBrushes.Black, Margin + labelWidth + 10, _y, XStringFormats.TopLeft);
                first = false;
            }

            _boxes.Add(new LayoutBox(_document.PageCount - 1, new XRect(textLeft, _y, Margin + Width - textLeft, LineHeight), "part"));
            _graphics.DrawString(line, _body, XBrushes.Black, textLeft, _y, XStringFormats.TopLeft);
            _y += LineHeight;
        }

        return this;
    }

    /// <summary>The height <see cref="Part"/> would take.</summary>
    public double MeasurePart(string text, double labelWidth = 90, double markerWidth = 0) =>
        LineHeight * text.Replace("\r", "").Split('\n').Sum(p => Wrap(p, _body, Width - labelWidth - 10 - markerWidth).Count());

    /// <summary>Wrapped lines in a column at a position (signature block); returns the height used. Does not move <see cref="Y"/>.</summary>
    public double TextBlock(string text, double x, double y, double width, bool bold = false, double size = 10)
    {
        var font = new XFont(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var height = size + 3;
        var lines = Wrap(text, font, width).ToList();
        for (var i = 0; i < lines.Count; i++)
            _graphics.DrawString(lines[i], font, XBrushes.Black, x, y + height * i, XStringFormats.TopLeft);
        _boxes.Add(new LayoutBox(_document.PageCount - 1, new XRect(x, y, width, height * lines.Count), "column"));
        return height * lines.Count;
    }

    /// <summary>The height <see cref="TextBlock"/> would take.</summary>
    public double MeasureTextBlock(string text, double width, bool bold = false, double size = 10) =>
        (size + 3) * Wrap(text, new XFont(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), width).Count();

    /// <summary>"Label : value" rows, values wrapped in their column.</summary>
    public PdfDocumentBuilder Fields(params (string Label, string Value)[] rows)
    {
        const double labelWidth = 150;
        foreach (var (label, value) in rows)
        {
            var lines = Wrap(value, _body, Width - labelWidth - 10).ToList();
            var labels = Wrap(label, _body, labelWidth - 4).ToList();
            Ensure(LineHeight * Math.Max(lines.Count, labels.Count));
            for (var i = 0; i < labels.Count; i++)
                _graphics.DrawString(labels[i], _body, XBrushes.Black, Margin, _y + LineHeight * i, XStringFormats.TopLeft);
            _graphics.DrawString(":", _body, XBrushes.Black, Margin + labelWidth, _y, XStringFormats.TopLeft);
            _boxes.Add(new LayoutBox(_document.PageCount - 1, new XRect(Margin + labelWidth + 10, _y, Width - labelWidth - 10, LineHeight * lines.Count), "value"));
            foreach (var line in lines)
            {
                _graphics.DrawString(line, _body, XBrushes.Black, Margin + labelWidth + 10, _y, XStringFormats.TopLeft);
                _y += LineHeight;
            }

            _y += LineHeight * Math.Max(0, labels.Count - lines.Count);
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
            var height = LineHeight * wrapped.Max(w => Math.Max(1, w.Count)) + 4;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                _graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, _y, widths[i], height);
                _boxes.Add(new LayoutBox(_document.PageCount - 1, new XRect(x, _y, widths[i], height), "cell"));
                for (var l = 0; l < wrapped[i].Count; l++)
                    _graphics.DrawString(wrapped[i][l], font, XBrushes.Black, x + 3, _y + 2 + LineHeight * l, XStringFormats.TopLeft);
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

    /// <summary>Diagonal mark across every page, e.g. for an unsigned draft (drawn when the document is finished).</summary>
    public void Watermark(string text) => _watermark = text;

    /// <summary>Makes sure <paramref name="height"/> points fit on this page, else starts the next.</summary>
    public void Ensure(double height)
    {
        if (_y + height > Bottom)
            NewPage();
    }

    /// <summary>Finishes the pages (footer "Halaman x dari y", watermark) and writes the PDF.</summary>
    public byte[] ToBytes()
    {
        _graphics.Dispose();
        var small = new XFont(EmbeddedFontResolver.Family, 7);
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var footer = new XRect(Margin, page.Height.Point - Margin - 10, page.Width.Point - 2 * Margin, 10);
            graphics.DrawLine(new XPen(XColors.Black, 0.3), footer.Left, footer.Top - 3, footer.Right, footer.Top - 3);
            // The document's number on every page (its title where it has none), cut short before the page count.
            var label = _document.Info.Keywords is { Length: > 0 } number ? $"Nomor {number}" : _document.Info.Title;
            while (label.Length > 1 && graphics.MeasureString(label, small).Width > footer.Width - 90)
                label = label[..^2] + "…";
            graphics.DrawString(label, small, XBrushes.Black, footer, XStringFormats.TopLeft);
            graphics.DrawString($"Halaman {i + 1} dari {_document.PageCount}", small, XBrushes.Black, footer, XStringFormats.TopRight);
            if (_watermark is not null)
            {
                graphics.TranslateTransform(page.Width.Point / 2, page.Height.Point / 2);
                graphics.RotateTransform(-45);
                graphics.DrawString(_watermark, new XFont(EmbeddedFontResolver.Family, 36, XFontStyleEx.Bold),
                    new XSolidBrush(XColor.FromArgb(70, 128, 128, 128)), 0, 0, XStringFormats.Center);
            }
        }

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

    /// <summary>Lines of <paramref name="text"/> no wider than <paramref name="width"/>; a word wider than that is broken.</summary>
    IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Break(w, font, width)))
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

    /// <summary>A word as pieces that each fit <paramref name="width"/> (a long number or address runs on the next line).</summary>
    IEnumerable<string> Break(string word, XFont font, double width)
    {
        while (word.Length > 1 && _graphics.MeasureString(word, font).Width > width)
        {
            // The longest prefix that fits (at least one character), found by halving.
            var (fit, over) = (1, word.Length);
            while (over - fit > 1)
            {
                var middle = (fit + over) / 2;
                if (_graphics.MeasureString(word[..middle], font).Width <= width)
                    fit = middle;
                else
                    over = middle;
            }

            yield return word[..fit];
            word = word[fit..];
        }

        yield return word;
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

    /// <summary>"Senin, 30 November 2026 pukul 14.05 WIB": the id-ID long form with the day's name.</summary>
    public static string IndonesianLongDateTime(DateTimeOffset local) => $"{local.ToString("dddd", Indonesian)}, {IndonesianDateTime(local)}";

    /// <summary>
    /// The officer's block under a document (receipt, signature): the title (the account's position, else the role's
    /// configured title), then the name and NIP; <paramref name="gap"/> leaves room between title and name (e.g. for the
    /// electronic-signature box). Returns the height used.
    /// </summary>
    public double OfficerBlock(double x, double y, double width, string title, string name, string? nip, double gap = 4)
    {
        var height = TextBlock(title, x, y, width, bold: true, size: 9) + gap;
        height += TextBlock(name, x, y + height, width, bold: true);
        if (nip is not null)
            height += TextBlock($"NIP. {nip}", x, y + height, width, size: 9);
        return height;
    }

    public double MeasureOfficerBlock(double width, string title, string name, string? nip, double gap = 4) =>
        MeasureTextBlock(title, width, bold: true, size: 9) + gap + MeasureTextBlock(name, width, bold: true)
        + (nip is null ? 0 : MeasureTextBlock($"NIP. {nip}", width, size: 9));
}
