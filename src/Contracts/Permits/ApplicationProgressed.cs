using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>
/// Workflow: an application moved in the SOP (a new step, a return, a decision). It says where the file is
/// now and whose desk it left, so the Gateway's push channel can tell the applicant and the officers of both
/// roles, and outside systems (a provincial dashboard) can follow every file without asking.
/// <paramref name="Status"/> is the API's status word; <paramref name="Version"/> grows with every change of one application.
/// </summary>
[EntityName("ptsp.application-progressed.v1")]
[MessageUrn("ptsp:application-progressed:v1")]
public sealed record ApplicationProgressed(
    Guid ApplicationId,
    string ApplicantUsername,
    string PermitTypeCode,
    string Status,
    int? CurrentStep,
    string? AssignedRole,
    string? PreviousRole,
    DateTimeOffset? DueAt,
    int Version,
    DateTimeOffset At);
