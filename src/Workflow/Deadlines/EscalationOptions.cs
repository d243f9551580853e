using Ptsp.Contracts;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// Who hears about a step and when (<c>Escalation__*</c>): each officer role's supervisor (sop.md), the warnings' fractions
/// of the target, and the mailbox of each role (<c>Escalation__Recipients__&lt;Role&gt;</c>). Bound and validated when
/// Workflow starts (<see cref="AddEscalationOptions"/>), so a bad setting stops start-up with a message naming it.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public const string WarningsProblem = "Escalation:Warnings must be two fractions of the target, rising, each between 0 and 1, e.g. 0.5,0.8.";

    public const string PollIntervalProblem = "Escalation:PollInterval must be a positive time span, e.g. 00:00:01.";

    public static readonly IReadOnlyDictionary<string, string> Supervisors = new Dictionary<string, string>
    {
        [Roles.FrontOffice] = Roles.SectionHead,
        [Roles.BackOffice] = Roles.SectionHead,
        [Roles.TechnicalTeam] = Roles.SectionHead,
        [Roles.SectionHead] = Roles.DivisionHead,
        [Roles.DivisionHead] = Roles.AgencyHead,
        [Roles.AgencyHead] = Roles.AgencyHead,
    };

    /// <summary>The two warnings as fractions of the step's target, e.g. <c>0.5,0.8</c>.</summary>
    public string Warnings { get; set; } = "0.5,0.8";

    /// <summary>How often the watcher looks for due alerts (wall-clock polling, not business time).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The domain of the roles' default mailboxes.</summary>
    public string MailDomain { get; set; } = "dpmptsp.purwakartakab.go.id";

    /// <summary>Configured mailboxes by role; a role not listed gets its default mailbox at <see cref="MailDomain"/>.</summary>
    public Dictionary<string, string> Recipients { get; set; } = [];

    public double FirstWarning => ParsedWarnings()!.Value.First;

    public double SecondWarning => ParsedWarnings()!.Value.Second;

    /// <summary>The mailbox of <paramref name="role"/>: the configured one, or the role's default.</summary>
    public string Recipient(string role) =>
        Recipients.TryGetValue(role, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : $"{DefaultMailbox(role)}@{MailDomain}";

    /// <summary>The two fractions, or null when <see cref="Warnings"/> is not two rising fractions between 0 and 1.</summary>
    public (double First, double Second)? ParsedWarnings()
    {
        var parts = Warnings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
               && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var first)
               && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var second)
               && first is > 0 and < 1 && second > first && second < 1
            ? (first, second)
            : null;
    }

    /// <summary>Binds <c>Escalation</c> and validates it when the host starts; the options are then a singleton like any other.</summary>
    public static void AddEscalationOptions(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .Validate(o => o.ParsedWarnings() is not null, WarningsProblem)
            .Validate(o => o.PollInterval > TimeSpan.Zero, PollIntervalProblem)
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EscalationOptions>>().Value);
    }

    static string DefaultMailbox(string role) => role switch
    {
        Roles.FrontOffice => "frontoffice",
        Roles.BackOffice => "backoffice",
        Roles.TechnicalTeam => "timteknis",
        Roles.SectionHead => "kasi.perizinan",
        Roles.DivisionHead => "kabid.perizinan",
        _ => "kepala",
    };
}
