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

/// <summary>
/// Step 5: back office enters technical data and schedules the meeting and/or inspection (the kind is theirs to choose; the
/// catalogue gives the default). <paramref name="ScheduledAt"/>/<paramref name="Location"/> are the meeting's, or the inspection's
/// when only an inspection is held; with <see cref="Permits.ReviewKind.Both"/> the inspection has its own
/// <paramref name="InspectionScheduledAt"/>/<paramref name="InspectionLocation"/>. Every date must fall inside step 6's NSPK window.
/// </summary>
public sealed record RecordTechnicalData(
    Guid ApplicationId,
    string Officer,
    IReadOnlyDictionary<string, string>? Data,
    ReviewKind? ReviewKind,
    DateTimeOffset? ScheduledAt,
    string? Location,
    DateTimeOffset? InspectionScheduledAt = null,
    string? InspectionLocation = null);

/// <summary>
/// Step 6: the meeting or the inspection (<paramref name="Session"/>: Meeting or Inspection) moves to another time or place, for a
/// reason; still inside step 6's NSPK window, which does not move.
/// </summary>
public sealed record RescheduleTechnicalReview(
    Guid ApplicationId,
    string Officer,
    string Role,
    ReviewKind? Session,
    DateTimeOffset? ScheduledAt,
    string? Location,
    string? Reason);

/// <summary>What step 5 entered and step 6 produced, for the officers whose step needs it. Replies <see cref="TechnicalFile"/> or CommandRefused (NotFound).</summary>
public sealed record GetTechnicalFile(Guid ApplicationId);

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

/// <summary>One meeting or inspection as scheduled now; <paramref name="Changes"/> counts its reschedulings.</summary>
public sealed record ReviewSession(ReviewKind Kind, DateTimeOffset ScheduledAt, string Location, int Changes);

public sealed record InspectionReportInfo(string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);

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
    DateTimeOffset RecordedAt,
    DateTimeOffset? InspectionScheduledAt = null,
    string? InspectionLocation = null,
    DateTimeOffset? ReviewDueAt = null);

/// <summary>Step 6: a meeting or inspection was moved (still inside the NSPK window), with the officer's reason.</summary>
[EntityName("ptsp.technical-review-rescheduled.v1")]
[MessageUrn("ptsp:technical-review-rescheduled:v1")]
public sealed record TechnicalReviewRescheduled(
    Guid ApplicationId,
    string Officer,
    string Role,
    ReviewKind Session,
    DateTimeOffset ScheduledAt,
    string Location,
    string Reason,
    DateTimeOffset RescheduledAt);

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
