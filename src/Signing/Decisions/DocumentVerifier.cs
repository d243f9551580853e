using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

public static partial class DocumentVerifier
{
    public static async Task<VerificationVerdict> VerifyAsync(byte[] pdf, IDocumentCollection<DecisionCase> decisions, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var exact = await decisions.QueryAsync(Query.By("sha256", sha256).Take(1), cancellationToken);
        if (exact.Count == 1 && exact[0].Document is { RevokedAt: { } revokedAt } revoked)
            return new VerificationVerdict(true, $"Dokumen asli dan tidak berubah, tetapi izin ini telah DICABUT: {revoked.RevocationReason}",
                revoked.DocumentNumber, sha256, true, Valid: false, revokedAt, revoked.RevocationReason);
        if (exact.Count == 1)
            return new VerificationVerdict(true, "Dokumen asli dan tidak berubah: sama persis dengan dokumen yang diterbitkan.",
                exact[0].Document.DocumentNumber, sha256, true, Valid: true);

        var intact = SignatureIntact(pdf);
        var number = DocumentNumber(Encoding.Latin1.GetString(pdf));
        if (number is null)
            return new VerificationVerdict(false, "Berkas ini bukan dokumen yang diterbitkan DPMPTSP: nomor dokumen tidak ditemukan.", null, sha256, intact);

        var known = await decisions.QueryAsync(Query.By("documentNumber", number).Take(1), cancellationToken);
        if (known.Count == 0)
            return new VerificationVerdict(false, $"Nomor dokumen {number} tidak terdaftar.", number, sha256, intact);

        return new VerificationVerdict(false, intact == false
            ? $"Dokumen bernomor {number} telah diubah setelah ditandatangani: tanda tangan elektroniknya tidak lagi cocok dengan isinya."
            : $"Berkas berbeda dari dokumen bernomor {number} yang diterbitkan (sidik SHA-256 tidak sama).", number, sha256, intact);
    }

    /// <summary>Checks the embedded CMS against the bytes it covers (/ByteRange); null when there is no signature to check.</summary>
    public static bool? SignatureIntact(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRangePattern().Matches(text).LastOrDefault();
        if (range is null)
            return null;
        try
        {
            var r = Enumerable.Range(1, 4).Select(i => long.Parse(range.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (r[0] != 0 || r[1] < 0 || r[2] < r[1] || r[2] + r[3] > pdf.Length)
                return false;
            var signed = new byte[r[1] + r[3]];
            Array.Copy(pdf, r[0], signed, 0, r[1]);
            Array.Copy(pdf, r[2], signed, r[1], r[3]);
            var hex = text.Substring((int)r[1] + 1, (int)(r[2] - r[1] - 2)).TrimEnd('0');
            if (hex.Length % 2 == 1)
                hex += "0";
            var cms = new SignedCms(new ContentInfo(signed), detached: true);
            cms.Decode(Convert.FromHexString(hex));
            cms.CheckSignature(verifySignatureOnly: true);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>The number a PDF claims: its metadata's Keywords (documents numbered in the agency's format), else the first numbering's form.</summary>
    static string? DocumentNumber(string text)
    {
        if (KeywordsPattern().Matches(text).LastOrDefault() is { } keywords)
        {
            var value = Regex.Unescape(keywords.Groups[1].Value.Replace(@"\(", "(").Replace(@"\)", ")")).Trim();
            if (value.Length is > 0 and <= 64)
                return value;
        }

        return LegacyNumberPattern().Match(text) is { Success: true } m ? m.Value : null;
    }

    [GeneratedRegex(@"/Keywords\s*\(((?:[^()\\]|\\.)*)\)")]
    private static partial Regex KeywordsPattern();

    [GeneratedRegex(@"PTSP-(?:IZN|TLK)-\d{4}-\d{6}")]
    private static partial Regex LegacyNumberPattern();

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();
}
