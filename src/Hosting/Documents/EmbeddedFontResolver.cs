using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Ptsp.Hosting.Documents;

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
