using MassTransit;

namespace Ptsp.Contracts.Permits;

public enum Recommendation
{
    Approve,
    Reject,
}

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

/// <summary>Technical → Workflow: the technical file is open, so back office may act on step 5 from now on.</summary>
[EntityName("ptsp.technical-review-opened.v1")]
[MessageUrn("ptsp:technical-review-opened:v1")]
public sealed record TechnicalReviewOpened(Guid ApplicationId, DateTimeOffset OpenedAt);

// Commands to Technical (steps 5–6). Each replies CommandAccepted or CommandRefused; Technical validates every field.

/// <summary>Step 5: back office enters technical data and schedules the meeting and/or inspection.</summary>
public sealed record RecordTechnicalData(
    Guid ApplicationId,
    string Officer,
    IReadOnlyDictionary<string, string>? Data,
    ReviewKind? ReviewKind,
    DateTimeOffset? ScheduledAt,
    string? Location);

/// <summary>Step 6: the technical team's recommendation.</summary>
public sealed record RecordTechnicalRecommendation(
    Guid ApplicationId,
    string Officer,
    Recommendation? Recommendation,
    string? Notes);

// Events published by Technical.

[EntityName("ptsp.technical-review-scheduled.v1")]
[MessageUrn("ptsp:technical-review-scheduled:v1")]
public sealed record TechnicalReviewScheduled(
    Guid ApplicationId,
    string Officer,
    ReviewKind ReviewKind,
    DateTimeOffset ScheduledAt,
    string Location,
    DateTimeOffset RecordedAt);

[EntityName("ptsp.technical-recommendation-issued.v1")]
[MessageUrn("ptsp:technical-recommendation-issued:v1")]
public sealed record TechnicalRecommendationIssued(
    Guid ApplicationId,
    string Officer,
    Recommendation Recommendation,
    string Notes,
    DateTimeOffset IssuedAt);

[EntityName("ptsp.inspection-report-uploaded.v1")]
[MessageUrn("ptsp:inspection-report-uploaded:v1")]
public sealed record InspectionReportUploaded(
    Guid ApplicationId,
    string Officer,
    string Sha256,
    DateTimeOffset UploadedAt);
