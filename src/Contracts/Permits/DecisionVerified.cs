using MassTransit;

namespace Ptsp.Contracts.Permits;

[EntityName("ptsp.decision-verified.v1")]
[MessageUrn("ptsp:decision-verified:v1")]
public sealed record DecisionVerified(Guid ApplicationId, string Officer, string Role, int Revision, DateTimeOffset VerifiedAt);
