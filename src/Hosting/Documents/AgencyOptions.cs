using System.Reflection;
using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;
using Ptsp.Contracts;

namespace Ptsp.Hosting.Documents;

/// <summary>Who issues the documents: printed on every letterhead (<c>Agency__*</c>).</summary>
public sealed record AgencyOptions(string Government, string Name, string ShortName, string Address, string City)
{
    /// <summary>The agency's code in letter numbers (<c>Agency__Code</c>).</summary>
    public string Code { get; init; } = "DPMPTSP";

    /// <summary>
    /// The title printed under an officer's name when the officer's account gives none (<c>Agency__Titles__{Role}</c>);
    /// an acting head's "Plt." comes from the account's position, not from here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();

    public string TitleFor(string role) => Titles.TryGetValue(role, out var title) ? title : role;

    public static AgencyOptions Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("Agency");
        var titles = new Dictionary<string, string>(Roles.Titles, StringComparer.OrdinalIgnoreCase);
        foreach (var title in s.GetSection("Titles").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(title.Value))
                titles[title.Key] = title.Value;
        }

        return new AgencyOptions(
            s["Government"] ?? "PEMERINTAH KABUPATEN PURWAKARTA",
            s["Name"] ?? "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
            s["ShortName"] ?? "DPMPTSP Kabupaten Purwakarta",
            s["Address"] ?? "Jl. Mr. Dr. Kusumah Atmaja No. 2, Purwakarta 41111 · Telp. (0264) 200 000 · dpmptsp.purwakartakab.go.id",
            s["City"] ?? "Purwakarta")
        {
            Code = s["Code"] ?? "DPMPTSP",
            Titles = titles,
        };
    }
}
