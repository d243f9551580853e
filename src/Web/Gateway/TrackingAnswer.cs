namespace Ptsp.Web.Gateway;

public sealed record TrackingAnswer(string ReceiptNumber, string PermitTypeCode, string PermitTypeName, string Status, string StatusText, int? CurrentStep,
    string? CurrentStepName, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? DecidedAt, IReadOnlyList<TrackingStep> Timeline);
