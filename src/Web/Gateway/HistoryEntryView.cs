namespace Ptsp.Web.Gateway;

public sealed record HistoryEntryView(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);
