using MassTransit;

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

/// <summary>
/// One line of the history. <paramref name="Note"/> may be internal (a technical note, a verifier's or the head's return note,
/// an escalation): officers read the entry as it is; the applicant reads <paramref name="PublicAction"/> and
/// <paramref name="PublicNote"/> instead, and not at all when <paramref name="OfficersOnly"/> (Workflow decides the wording).
/// </summary>
public sealed record HistoryEntry(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue,
    string? PublicAction = null, string? PublicNote = null, bool OfficersOnly = false);

/// <summary>Applications: one applicant's, or all (optionally at one step) for officers.</summary>
public sealed record GetApplications(string? ApplicantUsername, int? Step);

public sealed record ApplicationList(IReadOnlyList<ApplicationListItem> Items);

public sealed record ApplicationListItem(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);

/// <summary>What waits for a role, oldest due first; for a section head only the files of <paramref name="Sectors"/> (when given).</summary>
public sealed record GetTasks(string Role, IReadOnlyList<string>? Sectors = null);

public sealed record TaskList(IReadOnlyList<TaskItem> Items);

/// <summary>
/// <paramref name="StatutoryDeadlinePassed"/>: the permit type's statutory service time ran out without a decision (the officers' warning).
/// The permit type and the business name let a worklist name each file without reading it (added in v1, empty from an older Workflow).
/// </summary>
public sealed record TaskItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue, bool StatutoryDeadlinePassed = false,
    string PermitTypeCode = "", string PermitTypeName = "", string BusinessName = "");

/// <summary>
/// The applicant withdraws the application before the decision (answered by Workflow, which alone knows whether a decision
/// was signed). Replies CommandAccepted, or CommandRefused: NotFound (not theirs), Conflict (decided or withdrawn, with the step).
/// </summary>
public sealed record WithdrawApplication(Guid ApplicationId, string ApplicantUsername, string? Reason);

/// <summary>
/// Workflow: the applicant withdrew the application; the agency's clock stopped and no officer's desk holds it any more.
/// The owning services close their files (no further action is taken on them).
/// </summary>
[EntityName("ptsp.application-withdrawn.v1")]
[MessageUrn("ptsp:application-withdrawn:v1")]
public sealed record ApplicationWithdrawn(Guid ApplicationId, string ApplicantUsername, int? Step, string? Reason, DateTimeOffset WithdrawnAt);
/// <summary>
/// Public tracking by receipt number (anyone): where the file is, in dates and steps only — no names, no documents,
/// no notes. Replies <see cref="TrackingStatus"/> or CommandRefused (NotFound).
/// </summary>
public sealed record GetTracking(string ReceiptNumber);

public sealed record TrackingStatus(
    string ReceiptNumber,
    string PermitTypeCode,
    string PermitTypeName,
    string Status,
    int? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<TrackingEntry> Timeline);

/// <summary>One step of the file's way, without who or why: the step and when it happened.</summary>
public sealed record TrackingEntry(int Step, DateTimeOffset At);
