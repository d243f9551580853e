namespace Ptsp.Web.Pages.Admin;

/// <summary>The words for roles and sectors on the administrator's pages (ui.md).</summary>
public static class OfficerWords
{
    public static readonly IReadOnlyList<(string Code, string Label)> Roles =
    [
        ("FrontOffice", "Petugas Front Office"),
        ("BackOffice", "Petugas Back Office"),
        ("TechnicalTeam", "Tim Teknis"),
        ("SectionHead", "Kepala Seksi (Kasi)"),
        ("DivisionHead", "Kepala Bidang (Kabid)"),
        ("AgencyHead", "Kepala DPMPTSP"),
        ("Administrator", "Administrator"),
    ];

    /// <summary>The same codes as the Gateway's (Contracts' Sectors); the catalogue's permit types each belong to one.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Sectors =
    [
        ("KESEHATAN", "Kesehatan"),
        ("PENDIDIKAN", "Pendidikan"),
        ("PERDAGANGAN", "Perdagangan dan Perindustrian"),
        ("PEKERJAAN_UMUM", "Pekerjaan Umum dan Penataan Ruang"),
        ("NONPERIZINAN", "Nonperizinan"),
    ];

    public static string Role(string code) => Roles.FirstOrDefault(r => r.Code == code).Label ?? code;

    public static string Sector(string code) => Sectors.FirstOrDefault(s => s.Code == code).Label ?? code;
}
