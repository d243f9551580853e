using MassTransit;

namespace Ptsp.Workflow.Registrations;

/// <summary>One account request's place in steps 1–2, with the FrontOffice target (1 working hour).</summary>
public sealed class RegistrationState : SagaStateMachineInstance, ISagaVersion
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
}
