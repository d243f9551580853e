namespace Ptsp.Contracts.Permits;

/// <summary>One application's SOP state. Replies <see cref="ApplicationStatus"/> or CommandRefused (NotFound).</summary>
public sealed record GetApplicationStatus(Guid ApplicationId);

public sealed record ApplicationStatus(
    Guid ApplicationId,
    string ApplicantUsername,
    string PermitTypeCode,
    string BusinessName,
    string Status,
    int? CurrentStep,
    string? AssignedRole,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? ReceiptNumber,
    DecisionKind? DecisionKind,
    string? DocumentNumber,
    IReadOnlyList<HistoryEntry> History,
    ServiceClock Clock);

/// <summary>
/// Where the time went: working time with the agency and with the applicant, the pauses of the agency's
/// clock, and the statutory deadline of the permit type.
/// </summary>
public sealed record ServiceClock(
    TimeSpan AgencyWorkingTime,
    TimeSpan ApplicantWorkingTime,
    IReadOnlyList<ClockPauseInfo> Pauses,
    DateTimeOffset? StatutoryDueAt,
    bool StatutoryDeadlinePassed);

public sealed record ClockPauseInfo(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);

public sealed record HistoryEntry(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);

/// <summary>Applications: one applicant's, or all (optionally at one step) for officers.</summary>
public sealed record GetApplications(string? ApplicantUsername, int? Step);

public sealed record ApplicationList(IReadOnlyList<ApplicationListItem> Items);

public sealed record ApplicationListItem(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);

/// <summary>What waits for a role, oldest due first; for a section head only the files of <paramref name="Sectors"/> (when given).</summary>
public sealed record GetTasks(string Role, IReadOnlyList<string>? Sectors = null);

public sealed record TaskList(IReadOnlyList<TaskItem> Items);

public sealed record TaskItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue);
