using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Step 3 (or a return): the applicant changed the business data of the file.</summary>
[EntityName("ptsp.application-updated.v1")]
[MessageUrn("ptsp:application-updated:v1")]
public sealed record ApplicationUpdated(Guid ApplicationId, string ApplicantUsername, string BusinessName, string BusinessAddress, DateTimeOffset UpdatedAt);
