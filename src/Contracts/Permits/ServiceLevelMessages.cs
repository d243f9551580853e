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

/// <summary>The SLA report over steps that ended in [From, To). Replies <see cref="SlaReport"/>.</summary>
public sealed record GetSlaReport(DateTimeOffset From, DateTimeOffset To);

public sealed record SlaReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRow> Rows);

/// <summary>One line of the report: by "step", "role" or "permitType"; times are working minutes.</summary>
public sealed record SlaRow(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes);
