namespace Ptsp.Contracts.Permits;

/// <summary>One meeting or inspection as scheduled now; <paramref name="Changes"/> counts its reschedulings.</summary>
public sealed record ReviewSession(ReviewKind Kind, DateTimeOffset ScheduledAt, string Location, int Changes);
