namespace Ptsp.Contracts.Permits;

/// <summary>One step of the file's way, without who or why: the step and when it happened.</summary>
public sealed record TrackingEntry(int Step, DateTimeOffset At);
