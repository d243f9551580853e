using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

/// <summary>One meeting or inspection; <paramref name="Changes"/> lists its reschedulings, oldest first.</summary>
public sealed record ScheduledSession(ReviewKind Kind, DateTimeOffset ScheduledAt, string Location, List<ScheduleChange> Changes);
