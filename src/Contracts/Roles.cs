namespace Ptsp.Contracts;

/// <summary>The SOP's actors as system role names (sop.md, "Roles").</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string FrontOffice = "FrontOffice";
    public const string BackOffice = "BackOffice";
    public const string TechnicalTeam = "TechnicalTeam";
    public const string SectionHead = "SectionHead";
    public const string DivisionHead = "DivisionHead";
    public const string AgencyHead = "AgencyHead";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> Officers =
        [FrontOffice, BackOffice, TechnicalTeam, SectionHead, DivisionHead, AgencyHead];

    /// <summary>The authorization policy every officer role satisfies (the Gateway's <c>AddPolicy</c> and its routes).</summary>
    public const string OfficersPolicy = "Officers";

    /// <summary>Each role as people read it (ui.md): pages, alert emails, the administrator's forms.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Applicant] = "Pemohon",
        [FrontOffice] = "Petugas Front Office",
        [BackOffice] = "Petugas Back Office",
        [TechnicalTeam] = "Tim Teknis",
        [SectionHead] = "Kepala Seksi (Kasi)",
        [DivisionHead] = "Kepala Bidang (Kabid)",
        [AgencyHead] = "Kepala DPMPTSP",
        [Administrator] = "Administrator",
    };

    /// <summary>The title printed under an officer's name on documents when the account gives no position.</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [FrontOffice] = "Petugas Front Office",
        [BackOffice] = "Petugas Back Office",
        [TechnicalTeam] = "Tim Teknis",
        [SectionHead] = "Kepala Seksi",
        [DivisionHead] = "Kepala Bidang",
        [AgencyHead] = "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        [Administrator] = "Administrator Sistem",
    };

    /// <summary>The role's name as people read it; an unknown code as it is.</summary>
    public static string Name(string role) => Names.TryGetValue(role, out var name) ? name : role;

    /// <summary>The role's printed title; an unknown code as it is.</summary>
    public static string Title(string role) => Titles.TryGetValue(role, out var title) ? title : role;
}
