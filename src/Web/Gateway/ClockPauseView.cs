namespace Ptsp.Web.Gateway;

public sealed record ClockPauseView(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);
