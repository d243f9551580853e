using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Step 3 done: the file waits for the completeness check (step 4).</summary>
[EntityName("ptsp.application-submitted.v1")]
[MessageUrn("ptsp:application-submitted:v1")]
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    string ApplicantUsername,
    string PermitTypeCode,
    int Round,
    DateTimeOffset SubmittedAt);
