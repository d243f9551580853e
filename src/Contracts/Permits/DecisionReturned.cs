using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>A verifier or the head sent the draft back to drafting (step 7).</summary>
[EntityName("ptsp.decision-returned.v1")]
[MessageUrn("ptsp:decision-returned:v1")]
public sealed record DecisionReturned(Guid ApplicationId, string Officer, string Role, string Note, int Revision, DateTimeOffset ReturnedAt);
