using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Technical → Workflow: the technical file is open, so back office may act on step 5 from now on.</summary>
[EntityName("ptsp.technical-review-opened.v1")]
[MessageUrn("ptsp:technical-review-opened:v1")]
public sealed record TechnicalReviewOpened(Guid ApplicationId, DateTimeOffset OpenedAt);
