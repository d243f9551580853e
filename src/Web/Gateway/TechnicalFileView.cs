namespace Ptsp.Web.Gateway;

public sealed record TechnicalFileView(Guid ApplicationId, IReadOnlyDictionary<string, string> Data, string DefaultKind, int WorkingDays, string? Kind,
    IReadOnlyList<ReviewSessionView> Sessions, DateTimeOffset? ReviewDueAt, string? ScheduledBy, InspectionReportView? InspectionReport,
    string? Recommendation, string? Notes, string? RecommendedBy, DateTimeOffset? RecommendedAt);
