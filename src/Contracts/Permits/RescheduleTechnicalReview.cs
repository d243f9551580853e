namespace Ptsp.Contracts.Permits;

/// <summary>
/// Step 6: the meeting or the inspection (<paramref name="Session"/>: Meeting or Inspection) moves to another time or place, for a
/// reason; still inside step 6's NSPK window, which does not move.
/// </summary>
public sealed record RescheduleTechnicalReview(
    Guid ApplicationId,
    string Officer,
    string Role,
    ReviewKind? Session,
    DateTimeOffset? ScheduledAt,
    string? Location,
    string? Reason);
