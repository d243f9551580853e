namespace Ptsp.Contracts.Permits;

public sealed record ClockPauseInfo(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);
