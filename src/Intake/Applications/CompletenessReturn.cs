namespace Ptsp.Intake.Applications;

public sealed record CompletenessReturn(string Officer, IReadOnlyList<string> MissingRequirements, string Note, DateTimeOffset At);
