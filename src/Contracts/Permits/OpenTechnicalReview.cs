namespace Ptsp.Contracts.Permits;

/// <summary>
/// Workflow → Technical, after step 4: open the technical file for back office (step 5). The applicant's name and email,
/// the permit type's name and the receipt number let Technical tell the applicant of the review's schedule.
/// </summary>
public sealed record OpenTechnicalReview(
    Guid ApplicationId,
    string PermitTypeCode,
    string BusinessName,
    TechnicalReviewInfo TechnicalReview,
    string? ApplicantName = null,
    string? ApplicantEmail = null,
    string? PermitTypeName = null,
    string? ReceiptNumber = null);
