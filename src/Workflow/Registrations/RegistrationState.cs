using System.Text.Json.Serialization;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Registrations;

/// <summary>One account request's place in steps 1–2, with the FrontOffice target (1 working hour).</summary>
public sealed class RegistrationState : SagaStateMachineInstance, ISagaVersion, ISagaOutbox, IDeadline
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public string FullName { get; set; } = "";

    public string Nik { get; set; } = "";

    public string Email { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Username { get; set; }

    public TimeSpan? StepTarget { get; set; }

    public DateTimeOffset? NextAlertAt { get; set; }

    public AlertLevel? NextAlert { get; set; }

    public Guid? DeadlineToken { get; set; }

    public List<AlertRecord> Alerts { get; set; } = [];

    public bool Overdue { get; set; }

    public List<Guid> ConsumedMessages { get; set; } = [];

    [JsonIgnore]
    public List<OutboxMessage> Outgoing { get; } = [];

    [JsonIgnore]
    public bool IsRepeat { get; set; }

    // Step 2 is FrontOffice's while the request is pending.
    [JsonIgnore]
    public int? CurrentStep => CurrentState == "Pending" ? 2 : null;

    [JsonIgnore]
    public string? AssignedRole => CurrentState == "Pending" ? Roles.FrontOffice : null;

    [JsonIgnore]
    public DateTimeOffset? StepStartedAt => SubmittedAt;

    DateTimeOffset? IDeadline.DueAt => DueAt;
}
