using System.Text.Json;
using System.Text.Json.Serialization;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;

namespace Ptsp.Intake.Catalogue;

/// <summary>
/// The permit types the agency issues, each with its required documents and its technical review per
/// its NSPK, read from <c>Catalogue/permit-types.json</c> (shipped with the service) at start.
/// </summary>
public sealed class PermitCatalogue
{
    readonly Dictionary<string, PermitTypeInfo> _types;

    public PermitCatalogue()
        : this(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "permit-types.json")))
    {
    }

    public PermitCatalogue(string json)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var types = JsonSerializer.Deserialize<List<PermitTypeInfo>>(json, options)
                    ?? throw new InvalidOperationException("The permit type catalogue is empty.");
        foreach (var type in types)
        {
            if (type.RequiredDocuments.Count == 0 || type.TechnicalReview.WorkingDays < 1)
                throw new InvalidOperationException($"Permit type {type.Code} needs required documents and a review time.");
            if (type.RequiredDocuments.Select(d => d.Code).Distinct().Count() != type.RequiredDocuments.Count)
                throw new InvalidOperationException($"Permit type {type.Code} lists a requirement twice.");
            // Step 8 goes to the section head of the permit's sector.
            if (type.Sector is null || !Sectors.Names.ContainsKey(type.Sector))
                throw new InvalidOperationException($"Permit type {type.Code} needs a sector, one of {string.Join(", ", Sectors.Names.Keys)}.");
        }

        _types = types.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        All = types;
    }

    public IReadOnlyList<PermitTypeInfo> All { get; }

    public PermitTypeInfo? Find(string? code) => code is null ? null : _types.GetValueOrDefault(code);
}
