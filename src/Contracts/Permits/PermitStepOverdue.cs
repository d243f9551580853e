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
