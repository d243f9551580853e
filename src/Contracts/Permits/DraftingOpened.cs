using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Signing → Workflow: the decision is open, so back office may draft it (step 7) from now on.</summary>
[EntityName("ptsp.drafting-opened.v1")]
[MessageUrn("ptsp:drafting-opened:v1")]
public sealed record DraftingOpened(Guid ApplicationId, DateTimeOffset OpenedAt);
