using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>Step 6: a meeting or inspection was moved (still inside the NSPK window), with the officer's reason.</summary>
[EntityName("ptsp.technical-review-rescheduled.v1")]
[MessageUrn("ptsp:technical-review-rescheduled:v1")]
public sealed record TechnicalReviewRescheduled(
    Guid ApplicationId,
    string Officer,
    string Role,
    ReviewKind Session,
    DateTimeOffset ScheduledAt,
    string Location,
    string Reason,
    DateTimeOffset RescheduledAt);
