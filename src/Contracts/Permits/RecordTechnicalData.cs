namespace Ptsp.Contracts.Permits;

// Commands to Technical (steps 5–6). Each replies CommandAccepted or CommandRefused; Technical validates every field.

/// <summary>
/// Step 5: back office enters technical data and schedules the meeting and/or inspection (the kind is theirs to choose; the
/// catalogue gives the default). <paramref name="ScheduledAt"/>/<paramref name="Location"/> are the meeting's, or the inspection's
/// when only an inspection is held; with <see cref="Permits.ReviewKind.Both"/> the inspection has its own
/// <paramref name="InspectionScheduledAt"/>/<paramref name="InspectionLocation"/>. Every date must fall inside step 6's NSPK window.
/// </summary>
public sealed record RecordTechnicalData(
    Guid ApplicationId,
    string Officer,
    IReadOnlyDictionary<string, string>? Data,
    ReviewKind? ReviewKind,
    DateTimeOffset? ScheduledAt,
    string? Location,
    DateTimeOffset? InspectionScheduledAt = null,
    string? InspectionLocation = null);
