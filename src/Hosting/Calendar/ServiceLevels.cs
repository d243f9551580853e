using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>
/// The SOP's service standard (mutu baku) per step, in working time; each can be overridden with
/// <c>Sla__&lt;Step&gt;</c> (a TimeSpan of working time). Step 6's target comes from the permit type, not from here.
/// </summary>
public sealed class ServiceLevels
{
    public static readonly IReadOnlyDictionary<string, SlaTarget> Defaults = new Dictionary<string, SlaTarget>
    {
        [AccountApproval] = SlaTarget.Hours(1),            // step 2
        [CompletenessCheck] = SlaTarget.Hours(1),          // step 4
        [TechnicalData] = SlaTarget.Hours(1),              // step 5
        [Drafting] = SlaTarget.Hours(1),                   // step 7
        [SectionHeadVerification] = SlaTarget.Hours(1),    // step 8
        [DivisionHeadVerification] = SlaTarget.Hours(1),   // step 9
        [Signing] = SlaTarget.Days(1),                     // step 10: one working day (that day's own working time)
    };

    public const string AccountApproval = nameof(AccountApproval);
    public const string CompletenessCheck = nameof(CompletenessCheck);
    public const string TechnicalData = nameof(TechnicalData);
    public const string Drafting = nameof(Drafting);
    public const string SectionHeadVerification = nameof(SectionHeadVerification);
    public const string DivisionHeadVerification = nameof(DivisionHeadVerification);
    public const string Signing = nameof(Signing);

    readonly Dictionary<string, SlaTarget> _targets;

    public ServiceLevels(IConfiguration configuration)
    {
        _targets = new Dictionary<string, SlaTarget>(Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection("Sla").GetChildren())
        {
            if (!_targets.ContainsKey(child.Key))
                throw new InvalidOperationException($"Sla:{child.Key} is not a step with a target ({string.Join(", ", Defaults.Keys)}).");
            if (!TimeSpan.TryParse(child.Value, System.Globalization.CultureInfo.InvariantCulture, out var target) || target <= TimeSpan.Zero)
                throw new InvalidOperationException($"Sla:{child.Key} '{child.Value}' is not a positive TimeSpan (e.g. 01:00:00).");
            _targets[child.Key] = SlaTarget.Time(target);
        }
    }

    public SlaTarget this[string step] => _targets[step];
}
