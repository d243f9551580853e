using System.Text.Json.Serialization;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Permits;

/// <summary>One permit application's place in the SOP: the step, who must act, by when, and what happened so far.</summary>
public sealed class PermitState : SagaStateMachineInstance, ISagaVersion, ISagaOutbox, IDeadline
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string ApplicantUsername { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    /// <summary>Where the applicant is told of each step; passed on to the services that open their files (null for older applications).</summary>
    public string? ApplicantEmail { get; set; }

    public string PermitTypeCode { get; set; } = "";

    /// <summary>The permit type's sector: step 8 is for the section heads who cover it (null for files made before sectors).</summary>
    public string? Sector { get; set; }

    public string PermitTypeName { get; set; } = "";

    public string BusinessName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The SOP step (1–10) now; null once decided.</summary>
    public int? CurrentStep { get; set; }

    public string? AssignedRole { get; set; }

    /// <summary>The role named in the last <see cref="ApplicationProgressed"/>: whose worklist the next move takes the file from.</summary>
    public string? AnnouncedRole { get; set; }

    public DateTimeOffset? StepStartedAt { get; set; }

    /// <summary>The step's target in working time; null while the file is with the applicant (the agency's clock stops).</summary>
    public DateTimeOffset? DueAt { get; set; }

    public TimeSpan? StepTarget { get; set; }

    /// <summary>Set when the step's target is in working days (step 6, step 10): its due time is counted again that way when the calendar changes.</summary>
    public int? StepTargetDays { get; set; }

    public DateTimeOffset? NextAlertAt { get; set; }

    public AlertLevel? NextAlert { get; set; }

    public Guid? DeadlineToken { get; set; }

    public List<AlertRecord> Alerts { get; set; } = [];

    /// <summary>Every step that ended, with its working time against its target: what the SLA report counts.</summary>
    public List<StepRecord> Steps { get; set; } = [];

    /// <summary>Working time the file spent with the agency, and with the applicant (drafting, or completing a returned file).</summary>
    public TimeSpan AgencyTime { get; set; }

    public TimeSpan ApplicantTime { get; set; }

    /// <summary>When the agency's clock stopped because the file went back to the applicant, why, and who sent it.</summary>
    public List<ClockPauseInfo> Pauses { get; set; } = [];

    /// <summary>The permit type's statutory total service time, counted from the complete file (receipt).</summary>
    public DateTimeOffset? StatutoryDueAt { get; set; }

    /// <summary>Set while the statutory deadline is still to be watched; cleared when it fired or a decision came.</summary>
    public DateTimeOffset? StatutoryCheckAt { get; set; }

    public bool StatutoryDeadlinePassed { get; set; }

    /// <summary>The statutory days and the acceptance they count from, to count them again when the calendar changes.</summary>
    public int? StatutoryWorkingDays { get; set; }

    public DateTimeOffset? StatutoryFrom { get; set; }

    public string? ReceiptNumber { get; set; }

    public TechnicalReviewInfo? TechnicalReview { get; set; }

    public Recommendation? Recommendation { get; set; }

    public int Revision { get; set; }

    public DecisionKind? DecisionKind { get; set; }

    public string? DocumentNumber { get; set; }

    public List<HistoryEntry> History { get; set; } = [];

    public List<Guid> ConsumedMessages { get; set; } = [];

    [JsonIgnore]
    public List<OutboxMessage> Outgoing { get; } = [];

    [JsonIgnore]
    public bool IsRepeat { get; set; }
}
