using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Calendar;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Registrations;

/// <summary>
/// SOP steps 1–2: a submitted account request waits for FrontOffice, due one working hour after it
/// arrived (<c>Sla__AccountApproval</c>); approval or rejection ends the wait. Instances are kept as the record.
/// </summary>
public sealed class RegistrationStateMachine : MassTransitStateMachine<RegistrationState>
{
    public RegistrationStateMachine(WorkingCalendar calendar, ServiceLevels serviceLevels, Escalation escalation, DeadlineAlerts alerts,
        DueTimeRecount recount)
    {
        InstanceState(x => x.CurrentState);

        Event(() => RegistrationSubmitted, x => x.CorrelateById(m => m.Message.RegistrationId));
        Event(() => RegistrationApproved, x => x.CorrelateById(m => m.Message.RegistrationId));
        Event(() => RegistrationRejected, x => x.CorrelateById(m => m.Message.RegistrationId));
        Event(() => StepDeadlineReached, x => { x.CorrelateById(m => m.Message.CorrelationId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => RecountDueTimes, x => { x.CorrelateById(m => m.Message.CorrelationId); x.OnMissingInstance(m => m.Discard()); });

        // Step 1 → step 2: FrontOffice has one working hour.
        Initially(
            When(RegistrationSubmitted)
                .Then(x =>
                {
                    x.Saga.FullName = x.Message.FullName;
                    x.Saga.Nik = x.Message.Nik;
                    x.Saga.Email = x.Message.Email;
                    x.Saga.SubmittedAt = x.Message.SubmittedAt;
                    x.Saga.DueAt = serviceLevels[ServiceLevels.AccountApproval].DueFrom(calendar, x.Message.SubmittedAt);
                    escalation.Arm(x.Saga, serviceLevels[ServiceLevels.AccountApproval]);
                })
                .TransitionTo(Pending));

        // Step 2: FrontOffice decides.
        During(Pending,
            When(RegistrationApproved)
                .Then(x =>
                {
                    x.Saga.DecidedAt = x.Message.ApprovedAt;
                    x.Saga.DecidedBy = x.Message.ApprovedBy;
                    x.Saga.Username = x.Message.Username;
                    escalation.Disarm(x.Saga);
                })
                .TransitionTo(Active),
            When(RegistrationRejected)
                .Then(x =>
                {
                    x.Saga.DecidedAt = x.Message.RejectedAt;
                    x.Saga.DecidedBy = x.Message.RejectedBy;
                    escalation.Disarm(x.Saga);
                })
                .TransitionTo(Refused));

        // A repeated event (at-least-once delivery) changes nothing.
        During(Pending, Ignore(RegistrationSubmitted));
        During(Active, Refused, Ignore(RegistrationSubmitted), Ignore(RegistrationApproved), Ignore(RegistrationRejected));

        // When time runs out (ADR 0004): a warning to FrontOffice, or the breach to its supervisor with the overdue flag and event.
        // A message for a rung already handled, or after the decision (nothing is armed then), changes nothing.
        DuringAny(
            When(StepDeadlineReached, x => DeadlineAlerts.IsCurrentStepRung(x.Saga, x.Message))
                .ThenAsync(async x =>
                {
                    var now = x.Message.ReachedAt;
                    var (level, _) = await alerts.FireStepAsync(x.Saga, x.Saga, now, x.CancellationToken);
                    if (level != AlertLevel.Breach)
                        return;
                    x.Saga.Overdue = true;
                    x.Saga.Publish(new RegistrationApprovalOverdue(x.Saga.CorrelationId, x.Saga.DueAt, now), now);
                }));

        // The calendar changed: a request still waiting is due when the new calendar says.
        During(Pending,
            When(RecountDueTimes)
                .ThenAsync(async x =>
                {
                    if (await recount.InForceAsync(x.Message, x.CancellationToken))
                        recount.Recount(x.Saga);
                }));
        During(Active, Refused, Ignore(RecountDueTimes));
    }

    public State Pending { get; private set; } = null!;

    public State Active { get; private set; } = null!;

    public State Refused { get; private set; } = null!;

    public Event<RegistrationSubmitted> RegistrationSubmitted { get; private set; } = null!;

    public Event<RegistrationApproved> RegistrationApproved { get; private set; } = null!;

    public Event<RegistrationRejected> RegistrationRejected { get; private set; } = null!;

    public Event<StepDeadlineReached> StepDeadlineReached { get; private set; } = null!;

    public Event<RecountDueTimes> RecountDueTimes { get; private set; } = null!;
}
