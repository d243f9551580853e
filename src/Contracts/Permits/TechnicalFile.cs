namespace Ptsp.Contracts.Permits;

public sealed record TechnicalFile(
    Guid ApplicationId,
    IReadOnlyDictionary<string, string> Data,
    ReviewKind DefaultKind,
    int WorkingDays,
    ReviewKind? Kind,
    IReadOnlyList<ReviewSession> Sessions,
    DateTimeOffset? ReviewDueAt,
    string? ScheduledBy,
    InspectionReportInfo? InspectionReport,
    Recommendation? Recommendation,
    string? Notes,
    string? RecommendedBy,
    DateTimeOffset? RecommendedAt);
