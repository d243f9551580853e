using System.Text.Json.Serialization;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

/// <summary>One permit application's place in the SOP: the step, who must act, by when, and what happened so far.</summary>
public sealed class PermitState : SagaStateMachineInstance, ISagaVersion, ISagaOutbox
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string ApplicantUsername { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string PermitTypeCode { get; set; } = "";

    public string PermitTypeName { get; set; } = "";

    public string BusinessName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The SOP step (1–10) now; null once decided.</summary>
    public int? CurrentStep { get; set; }

    public string? AssignedRole { get; set; }

    public DateTimeOffset? StepStartedAt { get; set; }

    /// <summary>The step's target in working time; null while the file is with the applicant (the agency's clock stops).</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? ReceiptNumber { get; set; }

    public TechnicalReviewInfo? TechnicalReview { get; set; }

    public Recommendation? Recommendation { get; set; }

    public int Revision { get; set; }

    public DecisionKind? DecisionKind { get; set; }

    public string? DocumentNumber { get; set; }

    public List<PermitHistoryEntry> History { get; set; } = [];

    public List<Guid> ConsumedMessages { get; set; } = [];

    [JsonIgnore]
    public List<OutboxMessage> Outgoing { get; } = [];

    [JsonIgnore]
    public bool IsRepeat { get; set; }
}

public sealed record PermitHistoryEntry(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);
