namespace Ptsp.Web.Pages.Admin;

/// <summary>The words for roles and sectors on the administrator's pages (ui.md).</summary>
public static class OfficerWords
{
    /// <summary>The roles an administrator gives (every officer role and the administrator's), named as in Contracts' Roles.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Roles =
        [.. Contracts.Roles.Officers.Append(Contracts.Roles.Administrator).Select(r => (r, Contracts.Roles.Name(r)))];

    /// <summary>Contracts' Sectors; the catalogue's permit types each belong to one.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Sectors = [.. Contracts.Sectors.Names.Select(s => (s.Key, s.Value))];

    public static string Role(string code) => Roles.FirstOrDefault(r => r.Code == code).Label ?? code;

    public static string Sector(string code) => Sectors.FirstOrDefault(s => s.Code == code).Label ?? code;
}
