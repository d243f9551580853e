namespace Ptsp.Contracts.Permits;

/// <summary>
/// Workflow → Signing, after step 6: open the decision for drafting (step 7); a Reject recommendation calls for a rejection letter.
/// The applicant's email and the receipt number let Signing send the signed decision to the applicant.
/// </summary>
public sealed record OpenDrafting(
    Guid ApplicationId,
    string ApplicantUsername,
    string ApplicantName,
    string BusinessName,
    string PermitTypeCode,
    string PermitTypeName,
    Recommendation Recommendation,
    string? ApplicantEmail = null,
    string? ReceiptNumber = null,
    string? RecommendationNotes = null,
    string? Sector = null);
