namespace Ptsp.Web.Gateway;

public sealed record PermitType(string Code, string Name, IReadOnlyList<RequirementInfoView> RequiredDocuments, TechnicalReviewInfoView TechnicalReview,
    int? StatutoryWorkingDays);
