using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Workflow.Permits;

public sealed class GetApplicationStatusConsumer(PermitSagas sagas, WorkingCalendar calendar, TimeProvider time) : IConsumer<GetApplicationStatus>
{
    public async Task Consume(ConsumeContext<GetApplicationStatus> context)
    {
        var stored = await (await sagas.CollectionAsync(context.CancellationToken)).FindAsync(context.Message.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var s = stored.Document;
        var now = time.GetUtcNow();
        await context.RespondAsync(new ApplicationStatus(s.CorrelationId, s.ApplicantUsername, s.PermitTypeCode, s.BusinessName,
            PermitSagas.Status(s.CurrentState), s.CurrentStep, s.AssignedRole, s.DueAt, PermitSagas.IsOverdue(s, now), s.ReceiptNumber,
            s.DocumentNumber is null ? null : s.DecisionKind, s.DocumentNumber,
            s.History.Select(h => PermitHistory.ForApplicant(h) is { } shown
                ? new HistoryEntry(h.Step, h.Action, h.Actor, h.Role, h.At, h.Note, h.Overdue, shown.Action, shown.Note)
                : new HistoryEntry(h.Step, h.Action, h.Actor, h.Role, h.At, h.Note, h.Overdue, OfficersOnly: true)).ToList(),
            new ServiceClock(AgencyTime(s, now), ApplicantTime(s, now), s.Pauses.Select(p => new ClockPauseInfo(p.From, p.To, p.Reason, p.CausedBy)).ToList(),
                s.StatutoryDueAt, s.StatutoryDeadlinePassed)));
    }

    // The running step counts too, on the clock of whoever holds the file now.
    TimeSpan AgencyTime(PermitState s, DateTimeOffset now) =>
        s.AgencyTime + (s.AssignedRole is { } r && r != Contracts.Roles.Applicant && s.StepStartedAt is { } at ? calendar.Between(at, now) : TimeSpan.Zero);

    TimeSpan ApplicantTime(PermitState s, DateTimeOffset now) =>
        s.ApplicantTime + (s.AssignedRole == Contracts.Roles.Applicant && s.StepStartedAt is { } at ? calendar.Between(at, now) : TimeSpan.Zero);
}
