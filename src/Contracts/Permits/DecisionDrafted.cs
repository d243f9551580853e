using MassTransit;

namespace Ptsp.Contracts.Permits;

// Events published by Signing. Revision counts drafts of one application, from 1.

[EntityName("ptsp.decision-drafted.v1")]
[MessageUrn("ptsp:decision-drafted:v1")]
public sealed record DecisionDrafted(Guid ApplicationId, string Officer, DecisionKind Kind, int Revision, DateTimeOffset DraftedAt);
