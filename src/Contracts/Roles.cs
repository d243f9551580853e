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
}
