namespace Ptsp.Contracts.Permits;

public sealed record PermitTypeInfo(
    string Code,
    string Name,
    IReadOnlyList<RequirementInfo> RequiredDocuments,
    TechnicalReviewInfo TechnicalReview,
    int? StatutoryWorkingDays,
    string? Sector = null);
