using MassTransit;

namespace Ptsp.Contracts.Permits;

[EntityName("ptsp.permit-rejected.v1")]
[MessageUrn("ptsp:permit-rejected:v1")]
public sealed record PermitRejected(
    Guid ApplicationId,
    string DocumentNumber,
    string ApplicantUsername,
    string HolderName,
    string BusinessName,
    string PermitTypeCode,
    string Signer,
    DateTimeOffset SignedAt);
