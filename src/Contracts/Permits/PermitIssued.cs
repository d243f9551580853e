using MassTransit;

namespace Ptsp.Contracts.Permits;

[EntityName("ptsp.permit-issued.v1")]
[MessageUrn("ptsp:permit-issued:v1")]
public sealed record PermitIssued(
    Guid ApplicationId,
    string DocumentNumber,
    string ApplicantUsername,
    string HolderName,
    string BusinessName,
    string PermitTypeCode,
    string Signer,
    DateTimeOffset SignedAt);
