namespace Ptsp.Hosting.Storage;

/// <summary>Recognises an uploaded file by its content (magic bytes), not by the header a client sends.</summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>The bytes that <see cref="Detect"/> needs from the start of a file.</summary>
    public const int HeaderLength = 8;

    public static string? Detect(ReadOnlySpan<byte> header) => header switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => Pdf,                              // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
        _ => null,
    };

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => "",
    };

    /// <summary>The file type as people name it on paper: "PDF", "JPEG", "PNG".</summary>
    public static string DisplayName(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Jpeg => "JPEG",
        Png => "PNG",
        _ => contentType,
    };
}
