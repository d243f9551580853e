using Ptsp.Contracts;

namespace Ptsp.Workflow.Deadlines;

public enum AlertLevel
{
    /// <summary>The first warning (default at 50 % of the step's target).</summary>
    FirstWarning,

    /// <summary>The second warning (default at 80 %).</summary>
    SecondWarning,

    /// <summary>The target passed: the step is overdue and the supervisor is alerted.</summary>
    Breach,
}

/// <summary>An alert as sent: to whom, about which step, when. Each is sent once.</summary>
public sealed record AlertRecord(int Step, AlertLevel Level, string Recipient, DateTimeOffset At);

/// <summary>What the deadline watcher and the alerts need of a saga: the step's clock and the next alert it is armed for.</summary>
public interface IDeadline
{
    Guid CorrelationId { get; }

    int? CurrentStep { get; }

    string? AssignedRole { get; }

    DateTimeOffset? StepStartedAt { get; }

    DateTimeOffset? DueAt { get; }

    /// <summary>The step's target in working time; null while no agency clock runs.</summary>
    TimeSpan? StepTarget { get; set; }

    DateTimeOffset? NextAlertAt { get; set; }

    AlertLevel? NextAlert { get; set; }

    /// <summary>
    /// The step visit the alerts are armed for (new each time a step starts): a <c>StepDeadlineReached</c> with another token
    /// is stale. Null while nothing is armed, and in sagas stored before tokens were kept (read as <see cref="Guid.Empty"/>).
    /// </summary>
    Guid? DeadlineToken { get; set; }

    List<AlertRecord> Alerts { get; set; }
}

/// <summary>Who hears about a step: each officer role's supervisor (sop.md) and the mailbox of each role (<c>Escalation__Recipients__&lt;Role&gt;</c>).</summary>
public sealed class EscalationOptions
{
    public static readonly IReadOnlyDictionary<string, string> Supervisors = new Dictionary<string, string>
    {
        [Roles.FrontOffice] = Roles.SectionHead,
        [Roles.BackOffice] = Roles.SectionHead,
        [Roles.TechnicalTeam] = Roles.SectionHead,
        [Roles.SectionHead] = Roles.DivisionHead,
        [Roles.DivisionHead] = Roles.AgencyHead,
        [Roles.AgencyHead] = Roles.AgencyHead,
    };

    public EscalationOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection("Escalation");
        var warnings = (section["Warnings"] ?? "0.5,0.8").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (warnings.Length != 2 || !double.TryParse(warnings[0], System.Globalization.CultureInfo.InvariantCulture, out var first)
                                 || !double.TryParse(warnings[1], System.Globalization.CultureInfo.InvariantCulture, out var second)
                                 || first is <= 0 or >= 1 || second <= first || second >= 1)
            throw new InvalidOperationException($"Escalation:Warnings must be two fractions of the target, rising, e.g. 0.5,0.8 (got '{section["Warnings"]}').");
        FirstWarning = first;
        SecondWarning = second;
        var poll = section["PollInterval"];
        PollInterval = poll is null ? TimeSpan.FromSeconds(1) : TimeSpan.Parse(poll, System.Globalization.CultureInfo.InvariantCulture);
        var domain = section["MailDomain"] ?? "dpmptsp.purwakartakab.go.id";
        Recipients = Roles.Officers.ToDictionary(r => r, r => section[$"Recipients:{r}"] ?? $"{DefaultMailbox(r)}@{domain}");
    }

    public double FirstWarning { get; }

    public double SecondWarning { get; }

    /// <summary>How often the watcher looks for due alerts (wall-clock polling, not business time).</summary>
    public TimeSpan PollInterval { get; }

    public IReadOnlyDictionary<string, string> Recipients { get; }

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
