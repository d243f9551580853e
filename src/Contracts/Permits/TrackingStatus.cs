namespace Ptsp.Contracts.Permits;

public sealed record TrackingStatus(
    string ReceiptNumber,
    string PermitTypeCode,
    string PermitTypeName,
    string Status,
    int? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<TrackingEntry> Timeline);
