using System.Text.Json;

namespace Ptsp.Hosting.Documents;

/// <summary>
/// The decision templates and letter-number codes of the permit catalogue (<c>Catalogue/permit-types.json</c>, its
/// <c>numberCode</c> and <c>decision</c> per type). Intake owns the catalogue; the file ships with Signing too, which reads
/// only these parts of it (ADR 0009).
/// </summary>
public sealed class DecisionTemplates
{
    readonly Dictionary<string, DecisionTemplate> _templates;

    public DecisionTemplates()
        : this(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "permit-types.json")))
    {
    }

    public DecisionTemplates(string catalogueJson)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var types = JsonSerializer.Deserialize<List<CatalogueEntry>>(catalogueJson, options)
                    ?? throw new InvalidOperationException("The permit type catalogue is empty.");
        _templates = new Dictionary<string, DecisionTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            if (string.IsNullOrWhiteSpace(type.NumberCode) || type.NumberCode.Contains('/'))
                throw new InvalidOperationException($"Permit type {type.Code} needs a numberCode without '/' for its letter numbers.");
            var d = type.Decision ?? throw new InvalidOperationException($"Permit type {type.Code} needs its decision template.");
            if (d.Considerations is not { Count: > 0 } || d.LegalBasis is not { Count: > 0 } || string.IsNullOrWhiteSpace(d.Validity)
                || d.Obligations is not { Count: > 0 })
                throw new InvalidOperationException($"The decision template of {type.Code} needs considerations, legalBasis, validity and obligations.");
            _templates[type.Code] = new DecisionTemplate(type.Code, type.Name, type.NumberCode, d.Considerations, d.LegalBasis, d.Validity, d.Obligations);
        }
    }

    public DecisionTemplate? Find(string? permitTypeCode) => permitTypeCode is null ? null : _templates.GetValueOrDefault(permitTypeCode);

    /// <summary>The short code of a permit type in letter numbers (REKLAME → REK); the type's code itself if unknown.</summary>
    public string NumberCode(string permitTypeCode) => Find(permitTypeCode)?.NumberCode ?? permitTypeCode;

    sealed record CatalogueEntry(string Code, string Name, string? NumberCode, TemplateEntry? Decision);

    sealed record TemplateEntry(List<string>? Considerations, List<string>? LegalBasis, string? Validity, List<string>? Obligations);
}
