using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

public sealed record ScheduleChange(DateTimeOffset PreviousAt, string PreviousLocation, string Reason, string Officer, DateTimeOffset At);
