using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>
/// The SOP's service standard (mutu baku) per step, in working time; each can be overridden with
/// <c>Sla__&lt;Step&gt;</c> (a TimeSpan). Step 6's target comes from the permit type, not from here.
/// </summary>
public sealed class ServiceLevels
{
    public static readonly IReadOnlyDictionary<string, TimeSpan> Defaults = new Dictionary<string, TimeSpan>
    {
        [AccountApproval] = TimeSpan.FromHours(1),            // step 2
        [CompletenessCheck] = TimeSpan.FromHours(1),          // step 4
        [TechnicalData] = TimeSpan.FromHours(1),              // step 5
        [Drafting] = TimeSpan.FromHours(1),                   // step 7
        [SectionHeadVerification] = TimeSpan.FromHours(1),    // step 8
        [DivisionHeadVerification] = TimeSpan.FromHours(1),   // step 9
        [Signing] = TimeSpan.FromHours(8.5),                  // step 10: one working day; replaced by the calendar's day length
    };

    public const string AccountApproval = nameof(AccountApproval);
    public const string CompletenessCheck = nameof(CompletenessCheck);
    public const string TechnicalData = nameof(TechnicalData);
    public const string Drafting = nameof(Drafting);
    public const string SectionHeadVerification = nameof(SectionHeadVerification);
    public const string DivisionHeadVerification = nameof(DivisionHeadVerification);
    public const string Signing = nameof(Signing);

    readonly Dictionary<string, TimeSpan> _targets;

    public ServiceLevels(IConfiguration configuration, CalendarOptions calendar)
    {
        _targets = new Dictionary<string, TimeSpan>(Defaults, StringComparer.OrdinalIgnoreCase)
        {
            [Signing] = calendar.WorkEnd - calendar.WorkStart,
        };
        foreach (var child in configuration.GetSection("Sla").GetChildren())
        {
            if (!_targets.ContainsKey(child.Key))
                throw new InvalidOperationException($"Sla:{child.Key} is not a step with a target ({string.Join(", ", Defaults.Keys)}).");
            if (!TimeSpan.TryParse(child.Value, System.Globalization.CultureInfo.InvariantCulture, out var target) || target <= TimeSpan.Zero)
                throw new InvalidOperationException($"Sla:{child.Key} '{child.Value}' is not a positive TimeSpan (e.g. 01:00:00).");
            _targets[child.Key] = target;
        }
    }

    public TimeSpan this[string step] => _targets[step];
}
