using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Calendar;

/// <summary>
/// After the calendar changed, every open step's due time is counted again from its start with the new calendar (and the
/// statutory deadline, and the next warning). Each application whose due time moved gets a history line saying why.
/// Counting again is deterministic, so a repeated event moves nothing and writes nothing.
/// </summary>
public sealed class RecomputeDueTimesConsumer(WorkingCalendar calendar, Escalation escalation, PermitSagas permits, RegistrationSagas registrations,
    ILogger<RecomputeDueTimesConsumer> logger) : IConsumer<CalendarChanged>
{
    public async Task Consume(ConsumeContext<CalendarChanged> context)
    {
        var change = context.Message;
        calendar.Apply(change);
        if (calendar.Revision > change.Revision)
            return; // a newer change is in force; its own event counts the due times again

        var moved = 0;
        var collection = await permits.CollectionAsync(context.CancellationToken);
        var open = new Dictionary<string, Stored<PermitState>>();
        foreach (var field in new[] { "dueAt", "statutoryCheckAt" })
        {
            foreach (var stored in await collection.QueryAsync(Query.All.And(field, Operator.GreaterThan, DateTimeOffset.MinValue), context.CancellationToken))
                open.TryAdd(stored.Id, stored);
        }

        foreach (var stored in open.Values)
        {
            // A saga that moved meanwhile is read again; its own move used the calendar already in force.
            for (var current = stored; current is not null;)
            {
                if (!Recompute(current.Document, change))
                    break;
                try
                {
                    await collection.ReplaceAsync(current.Id, current.Document, current.Version, null, context.CancellationToken);
                    moved++;
                    break;
                }
                catch (ConcurrencyConflictException)
                {
                    current = await collection.FindAsync(current.Id, context.CancellationToken);
                }
            }
        }

        var pending = await registrations.CollectionAsync(context.CancellationToken);
        foreach (var stored in await pending.QueryAsync(Query.By("currentState", "Pending"), context.CancellationToken))
        {
            var saga = stored.Document;
            var due = ServiceLevelsFor(saga).DueFrom(calendar, saga.SubmittedAt);
            if (due == saga.DueAt)
                continue;
            saga.DueAt = due;
            escalation.Rearm(saga, ServiceLevelsFor(saga));
            try
            {
                await pending.ReplaceAsync(stored.Id, saga, stored.Version, null, context.CancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Decided meanwhile: nothing is due any more.
            }
        }

        logger.LogInformation("Calendar revision {Revision}: due times of {Count} applications moved", change.Revision, moved);
    }

    static SlaTarget ServiceLevelsFor(RegistrationState saga) => SlaTarget.Time(saga.StepTarget ?? TimeSpan.FromHours(1));

    /// <summary>Counts the saga's open deadlines again; true when any moved (the history then says so).</summary>
    bool Recompute(PermitState saga, CalendarChanged change)
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

    string Local(DateTimeOffset at) => calendar.ToAgencyTime(at).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
