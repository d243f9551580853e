using System.Diagnostics;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>Outside tools that judge our documents: poppler's pdfsig, pdftotext and pdftoppm, and zbarimg for QR codes.</summary>
public static class Tools
{
    /// <summary>Runs a tool; Output is its standard output followed by its standard error.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var (code, output, error) = RunSeparately(tool, args);
        return (code, output + error);
    }

    static (int ExitCode, string Output, string Error) RunSeparately(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed; scripts/test.sh installs it (poppler-utils, zbar-tools).", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }

    public static string TempFile(byte[] content, string extension = ".pdf")
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptsp-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string PdfText(byte[] pdf) => Run("pdftotext", "-layout", TempFile(pdf), "-").Output;

    public static string PdfSig(byte[] pdf) => Run("pdfsig", TempFile(pdf)).Output;

    /// <summary>Renders the last page and decodes every QR code on it.</summary>
    public static IReadOnlyList<string> QrCodes(byte[] pdf)
    {
        var file = TempFile(pdf);
        var prefix = Path.ChangeExtension(file, null);
        var (code, output) = Run("pdftoppm", "-r", "200", "-png", file, prefix);
        Assert.True(code == 0, output);
        var pages = Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "*.png").Order().ToList();
        // Standard output only: zbarimg complains on standard error when there is no D-Bus.
        var (_, decoded, _) = RunSeparately("zbarimg", "--quiet", "--raw", pages[^1]);
        return decoded.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
