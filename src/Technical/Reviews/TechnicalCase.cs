using Ptsp.Contracts.Permits;

namespace Ptsp.Technical.Reviews;

/// <summary>One application's technical file: data, schedule, inspection report (BAP) and recommendation.</summary>
public sealed class TechnicalCase
{
    public Guid Id { get; set; }

    public string PermitTypeCode { get; set; } = "";

    public string BusinessName { get; set; } = "";

    // For telling the applicant of the schedule (step 5); null for files opened before Workflow passed them on.
    public string? ApplicantName { get; set; }

    public string? ApplicantEmail { get; set; }

    public string? PermitTypeName { get; set; }

    public string? ReceiptNumber { get; set; }

    public TechnicalReviewInfo Review { get; set; } = new(ReviewKind.Meeting, 1);

    public TechnicalState State { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public Dictionary<string, string> Data { get; set; } = [];

    public ReviewKind? ScheduledKind { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public string? Location { get; set; }

    public string? ScheduledBy { get; set; }

    /// <summary>The meeting and/or the inspection as scheduled now ("Both": one of each, recorded separately).</summary>
    public List<ScheduledSession> Sessions { get; set; } = [];

    /// <summary>The end of step 6's NSPK window: every meeting or inspection takes place before it, and rescheduling does not move it.</summary>
    public DateTimeOffset? ReviewDueAt { get; set; }

    public InspectionReport? InspectionReport { get; set; }

    public Recommendation? Recommendation { get; set; }

    public string? Notes { get; set; }

    public string? RecommendedBy { get; set; }

    public DateTimeOffset? RecommendedAt { get; set; }

    /// <summary>The SOP step as far as Technical knows it: 5 or 6 while the file is here; after the recommendation another service holds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? Step => State switch
    {
        TechnicalState.AwaitingTechnicalData => 5,
        TechnicalState.InReview => 6,
        _ => null,
    };

    /// <summary>An inspection (alone or with a meeting) ends in a BAP before the team may recommend.</summary>
    public bool NeedsInspectionReport => (ScheduledKind ?? Review.Kind) is ReviewKind.Inspection or ReviewKind.Both;
}
