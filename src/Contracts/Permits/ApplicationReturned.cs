using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Step 4: incomplete; the file is back with the applicant.</summary>
[EntityName("ptsp.application-returned.v1")]
[MessageUrn("ptsp:application-returned:v1")]
public sealed record ApplicationReturned(
    Guid ApplicationId,
    string Officer,
    IReadOnlyList<string> MissingRequirements,
    string Note,
    int Round,
    DateTimeOffset ReturnedAt);
