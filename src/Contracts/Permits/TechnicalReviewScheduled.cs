using MassTransit;

namespace Ptsp.Contracts.Permits;

// Events published by Technical.

[EntityName("ptsp.technical-review-scheduled.v1")]
[MessageUrn("ptsp:technical-review-scheduled:v1")]
public sealed record TechnicalReviewScheduled(
    Guid ApplicationId,
    string Officer,
    ReviewKind ReviewKind,
    DateTimeOffset ScheduledAt,
    string Location,
    DateTimeOffset RecordedAt,
    DateTimeOffset? InspectionScheduledAt = null,
    string? InspectionLocation = null,
    DateTimeOffset? ReviewDueAt = null);
