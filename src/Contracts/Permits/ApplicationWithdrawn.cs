using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>
/// Workflow: the applicant withdrew the application; the agency's clock stopped and no officer's desk holds it any more.
/// The owning services close their files (no further action is taken on them).
/// </summary>
[EntityName("ptsp.application-withdrawn.v1")]
[MessageUrn("ptsp:application-withdrawn:v1")]
public sealed record ApplicationWithdrawn(Guid ApplicationId, string ApplicantUsername, int? Step, string? Reason, DateTimeOffset WithdrawnAt);
