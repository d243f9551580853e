using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Documents;

/// <summary>
/// The agency's letter numbers (<c>Numbering__*</c>): a pattern per document kind with the keys
/// <c>{classification}</c>, <c>{sequence}</c> (zero-padded to <c>Numbering__SequenceDigits</c>), <c>{type}</c> (the permit
/// type's short code from the catalogue), <c>{agency}</c> (<c>Agency__Code</c>), <c>{month}</c> (Roman numerals) and
/// <c>{year}</c>, e.g. <c>503/0001/IZN-REK/DPMPTSP/XI/2026</c>. The sequence is claimed per kind and year (gap-free).
/// </summary>
public sealed partial class DocumentNumbering
{
    public const string DefaultReceiptPattern = "{classification}/{sequence}/TT-{type}/{agency}/{month}/{year}";
    public const string DefaultPermitPattern = "{classification}/{sequence}/IZN-{type}/{agency}/{month}/{year}";
    public const string DefaultRejectionPattern = "{classification}/{sequence}/TLK-{type}/{agency}/{month}/{year}";

    static readonly string[] Keys = ["classification", "sequence", "type", "agency", "month", "year"];
    readonly IReadOnlyDictionary<NumberedDocument, (string Pattern, string Classification)> _kinds;

    public DocumentNumbering(string agencyCode, int sequenceDigits, IReadOnlyDictionary<NumberedDocument, (string Pattern, string Classification)> kinds)
    {
        if (sequenceDigits is < 1 or > 9)
            throw new InvalidOperationException("Numbering:SequenceDigits must be 1 to 9.");
        foreach (var (kind, (pattern, _)) in kinds)
        {
            var unknown = KeyPattern().Matches(pattern).Select(m => m.Groups[1].Value).Where(k => !Keys.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException($"Numbering:{kind}:Pattern has unknown keys {string.Join(", ", unknown)}; use {string.Join(", ", Keys)}.");
            if (!pattern.Contains("{sequence}", StringComparison.Ordinal) || !pattern.Contains("{year}", StringComparison.Ordinal))
                throw new InvalidOperationException($"Numbering:{kind}:Pattern must contain {{sequence}} and {{year}} (the series is yearly).");
        }

        AgencyCode = agencyCode;
        SequenceDigits = sequenceDigits;
        _kinds = kinds;
    }

    public string AgencyCode { get; }

    public int SequenceDigits { get; }

    public static DocumentNumbering Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("Numbering");
        (string, string) Kind(NumberedDocument kind, string pattern, string classification) =>
            (s[$"{kind}:Pattern"] ?? pattern, s[$"{kind}:Classification"] ?? classification);
        return new DocumentNumbering(configuration["Agency:Code"] ?? "DPMPTSP",
            int.TryParse(s["SequenceDigits"], NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : 4,
            new Dictionary<NumberedDocument, (string, string)>
            {
                [NumberedDocument.Receipt] = Kind(NumberedDocument.Receipt, DefaultReceiptPattern, "503"),
                [NumberedDocument.Permit] = Kind(NumberedDocument.Permit, DefaultPermitPattern, "503"),
                [NumberedDocument.Rejection] = Kind(NumberedDocument.Rejection, DefaultRejectionPattern, "503"),
            });
    }

    /// <summary>The series a kind's sequence is claimed in (unchanged from the first numbering, so a year's count goes on).</summary>
    public static string Series(NumberedDocument kind) => kind switch
    {
        NumberedDocument.Receipt => "receipt",
        NumberedDocument.Permit => "IZN",
        _ => "TLK",
    };

    /// <summary>The number of the <paramref name="sequence"/>th document of its kind in the year of <paramref name="issuedAtLocal"/>.</summary>
    public string Format(NumberedDocument kind, long sequence, string typeCode, DateTimeOffset issuedAtLocal)
    {
        var (pattern, classification) = _kinds[kind];
        return KeyPattern().Replace(pattern, m => m.Groups[1].Value switch
        {
            "classification" => classification,
            "sequence" => sequence.ToString(CultureInfo.InvariantCulture).PadLeft(SequenceDigits, '0'),
            "type" => typeCode,
            "agency" => AgencyCode,
            "month" => Roman(issuedAtLocal.Month),
            _ => issuedAtLocal.Year.ToString(CultureInfo.InvariantCulture),
        });
    }

    public static string Roman(int month) =>
        month is >= 1 and <= 12 ? ((string[])["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])[month - 1]
            : throw new ArgumentOutOfRangeException(nameof(month));

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex KeyPattern();
}
