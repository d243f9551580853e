using Ptsp.Contracts.Permits;

namespace Ptsp.Technical.Reviews;

/// <summary>One meeting or inspection; <paramref name="Changes"/> lists its reschedulings, oldest first.</summary>
public sealed record ScheduledSession(ReviewKind Kind, DateTimeOffset ScheduledAt, string Location, List<ScheduleChange> Changes);
