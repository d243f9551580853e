namespace Ptsp.Workflow.Deadlines;

/// <summary>An alert as sent: to whom, about which step, when. Each is sent once.</summary>
public sealed record AlertRecord(int Step, AlertLevel Level, string Recipient, DateTimeOffset At);
