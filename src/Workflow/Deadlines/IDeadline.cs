namespace Ptsp.Workflow.Deadlines;

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
