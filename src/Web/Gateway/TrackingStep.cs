namespace Ptsp.Web.Gateway;

public sealed record TrackingStep(int Step, string Name, DateTimeOffset At);
