using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>A step passed its target in working time without the role acting; its supervisor was alerted.</summary>
[EntityName("ptsp.permit-step-overdue.v1")]
[MessageUrn("ptsp:permit-step-overdue:v1")]
public sealed record PermitStepOverdue(
    Guid ApplicationId,
    int Step,
    string AssignedRole,
    string SupervisorRole,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt);

/// <summary>
/// The permit type's statutory total service time passed without a decision (UU 30/2014 art. 53 as amended:
/// a silent agency is deemed to have granted the application).
/// </summary>
[EntityName("ptsp.permit-statutory-deadline-passed.v1")]
[MessageUrn("ptsp:permit-statutory-deadline-passed:v1")]
public sealed record PermitStatutoryDeadlinePassed(Guid ApplicationId, string PermitTypeCode, DateTimeOffset StatutoryDueAt, DateTimeOffset DetectedAt);

/// <summary>SOP step 2 passed its target: an account request waited too long for FrontOffice.</summary>
[EntityName("ptsp.registration-approval-overdue.v1")]
[MessageUrn("ptsp:registration-approval-overdue:v1")]
public sealed record RegistrationApprovalOverdue(Guid RegistrationId, DateTimeOffset DueAt, DateTimeOffset DetectedAt);

/// <summary>Which alert of a deadline came due: a step's two warnings and its breach, or the permit type's statutory deadline.</summary>
public enum DeadlineRung
{
    FirstWarning,
    SecondWarning,
    Breach,
    Statutory,
}

/// <summary>
/// Workflow's deadline watcher → the permit or registration saga (an internal command, never published): the rung
/// armed for the step visit <paramref name="Token"/> came due by <paramref name="ReachedAt"/>. The saga acts on it in its
/// own write and ignores it when the step moved on (another token) or the rung was already handled. Its MessageId is a
/// name-based id of the instance, the token and the rung, so two watchers sending it are one message to the saga's inbox.
/// </summary>
[MessageUrn("ptsp:step-deadline-reached:v1")]
public sealed record StepDeadlineReached(Guid CorrelationId, DeadlineRung Rung, Guid Token, DateTimeOffset ReachedAt);

/// <summary>The SLA report over steps that ended in [From, To). Replies <see cref="SlaReport"/>.</summary>
public sealed record GetSlaReport(DateTimeOffset From, DateTimeOffset To);

public sealed record SlaReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRow> Rows);

/// <summary>
/// One line of the report: by "step", "role" or "permitType"; times are working minutes. <paramref name="MeanMinutes"/> and
/// <paramref name="MeanTargetMinutes"/>: the mean working time used and the mean target of the line's steps that had a target (time used
/// against target); null when none had one.
/// </summary>
public sealed record SlaRow(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes,
    double? MeanMinutes = null, double? MeanTargetMinutes = null);
