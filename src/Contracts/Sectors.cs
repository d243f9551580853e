namespace Ptsp.Contracts;

/// <summary>
/// The sectors the agency's section heads (Kasi) cover. Every permit type belongs to one (the catalogue's
/// <c>sector</c>); step 8 goes to the section head of the permit's sector ("Kasi terkait", sop.md).
/// </summary>
public static class Sectors
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["KESEHATAN"] = "Kesehatan",
        ["PENDIDIKAN"] = "Pendidikan",
        ["PERDAGANGAN"] = "Perdagangan dan Perindustrian",
        ["PEKERJAAN_UMUM"] = "Pekerjaan Umum dan Penataan Ruang",
        ["NONPERIZINAN"] = "Nonperizinan",
    };

    /// <summary>The access token's claim listing a section head's sectors (one claim per sector).</summary>
    public const string Claim = "sector";
}
