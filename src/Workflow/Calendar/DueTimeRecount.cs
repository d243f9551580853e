using System.Globalization;
using Ptsp.Contracts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Calendar;

/// <summary>
/// What a saga does with <see cref="RecountDueTimes"/> (ADR 0004): its open deadlines are counted again from their start
/// with the calendar in force — the step's due time and warnings, the statutory deadline — and a permit's history says
/// why they moved. Counting again is deterministic, so a repeated message moves nothing and writes nothing.
/// </summary>
public sealed class DueTimeRecount(WorkingCalendar calendar, Escalation escalation, AgencyCalendar agency)
{
    /// <summary>The message's id: one per instance and calendar revision, whichever copy of the calendar event sent it.</summary>
    public static Guid MessageId(RecountDueTimes message) => DeadlineAlerts.NameBased($"{message.CorrelationId:N}/recount/{message.CalendarRevision}");

    /// <summary>
    /// True when this process counts with the message's calendar revision: it is read from the store when the process has
    /// not had the change yet (another replica took the event). False when a newer revision is in force: its own recount
    /// comes. Throws while the change is not stored yet, so the message is tried again.
    /// </summary>
    public async Task<bool> InForceAsync(RecountDueTimes message, CancellationToken cancellationToken)
    {
        if (calendar.Revision < message.CalendarRevision)
        {
            var (document, _) = await agency.ReadAsync(cancellationToken);
            calendar.Apply(document.Revision, document.Holidays, document.Overrides);
        }

        if (calendar.Revision < message.CalendarRevision)
            throw new InvalidOperationException($"Calendar revision {message.CalendarRevision} is not stored yet (in force: {calendar.Revision}).");
        return calendar.Revision == message.CalendarRevision;
    }

    /// <summary>Counts the permit's open deadlines again; true when any moved (the history then says so).</summary>
    public bool Recount(PermitState saga, RecountDueTimes change)
    {
        var notes = new List<string>();
        if (saga.DueAt is { } oldDue && saga.StepStartedAt is { } start && saga.StepTarget is { } target)
        {
            var sla = saga.StepTargetDays is { } days ? SlaTarget.Days(days) : SlaTarget.Time(target);
            var newDue = sla.DueFrom(calendar, start);
            if (newDue != oldDue)
            {
                saga.DueAt = newDue;
                escalation.Rearm(saga, sla);
                notes.Add($"batas waktu langkah {saga.CurrentStep} dari {Local(oldDue)} menjadi {Local(newDue)}");
            }
        }

        if (saga.StatutoryCheckAt is not null && saga.StatutoryWorkingDays is { } statutory && saga.StatutoryFrom is { } from)
        {
            var newStatutory = calendar.AddWorkingDays(from, statutory);
            if (newStatutory != saga.StatutoryDueAt)
            {
                notes.Add($"batas waktu menurut peraturan dari {Local(saga.StatutoryDueAt!.Value)} menjadi {Local(newStatutory)}");
                saga.StatutoryDueAt = saga.StatutoryCheckAt = newStatutory;
            }
        }

        if (notes.Count == 0)
            return false;
        var note = char.ToUpperInvariant(notes[0][0]) + string.Join("; ", notes)[1..] + " (waktu kerja).";
        saga.History.Add(new HistoryEntry(saga.CurrentStep ?? 0, $"Batas waktu bergeser karena {change.Summary}", change.ChangedBy, Roles.Administrator,
            change.ChangedAt, note, false));
        return true;
    }

    /// <summary>Counts a waiting registration's due time again (its warnings with it); true when it moved.</summary>
    public bool Recount(RegistrationState saga)
    {
        var sla = SlaTarget.Time(saga.StepTarget ?? TimeSpan.FromHours(1));
        var due = sla.DueFrom(calendar, saga.SubmittedAt);
        if (due == saga.DueAt)
            return false;
        saga.DueAt = due;
        escalation.Rearm(saga, sla);
        return true;
    }

    string Local(DateTimeOffset at) => calendar.ToAgencyTime(at).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
}
