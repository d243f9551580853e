using MassTransit;
using Ptsp.Contracts.Calendar;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Calendar;

/// <summary>
/// After the calendar changed, finds the open applications and waiting registrations whose due times the new calendar
/// moves, and sends each saga <see cref="RecountDueTimes"/>; the state machine counts again in its own write (ADR 0004), so
/// nothing but the state machine writes a saga. A repeated event sends the same message ids, which the sagas' inbox drops.
/// </summary>
public sealed class RecomputeDueTimesConsumer(WorkingCalendar calendar, DueTimeRecount recount, PermitSagas permits, RegistrationSagas registrations,
    ILogger<RecomputeDueTimesConsumer> logger) : IConsumer<CalendarChanged>
{
    public async Task Consume(ConsumeContext<CalendarChanged> context)
    {
        var change = context.Message;
        calendar.Apply(change);
        if (calendar.Revision > change.Revision)
            return; // a newer change is in force; its own event counts the due times again

        var sent = 0;
        var toPermits = await context.GetSendEndpoint(PermitStateDefinition.Address);
        var collection = await permits.CollectionAsync(context.CancellationToken);
        var open = new Dictionary<string, Stored<PermitState>>();
        foreach (var field in new[] { "dueAt", "statutoryCheckAt" })
        {
            foreach (var stored in await collection.QueryAsync(Query.All.And(field, Operator.GreaterThan, DateTimeOffset.MinValue), context.CancellationToken))
                open.TryAdd(stored.Id, stored);
        }

        foreach (var stored in open.Values)
        {
            var message = Message(stored.Document.CorrelationId, change);
            // Counted on the read copy only to leave out the sagas nothing moves for; the saga counts again in its own write.
            if (recount.Recount(stored.Document, message))
            {
                await toPermits.Send(message, c => c.MessageId = DueTimeRecount.MessageId(message), context.CancellationToken);
                sent++;
            }
        }

        var toRegistrations = await context.GetSendEndpoint(RegistrationStateDefinition.Address);
        var pending = await registrations.CollectionAsync(context.CancellationToken);
        foreach (var stored in await pending.QueryAsync(Query.By("currentState", "Pending"), context.CancellationToken))
        {
            if (!recount.Recount(stored.Document))
                continue;
            var message = Message(stored.Document.CorrelationId, change);
            await toRegistrations.Send(message, c => c.MessageId = DueTimeRecount.MessageId(message), context.CancellationToken);
        }

        logger.LogInformation("Calendar revision {Revision}: due times of {Count} applications to count again", change.Revision, sent);
    }

    static RecountDueTimes Message(Guid id, CalendarChanged change) => new(id, change.Revision, change.Summary, change.ChangedBy, change.ChangedAt);
}
