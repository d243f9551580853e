using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>A signed permit was revoked: verification answers valid: false from now on.</summary>
[EntityName("ptsp.permit-revoked.v1")]
[MessageUrn("ptsp:permit-revoked:v1")]
public sealed record PermitRevoked(
    Guid ApplicationId,
    string DocumentNumber,
    string PermitTypeCode,
    string Reason,
    string RevokedBy,
    DateTimeOffset RevokedAt);
