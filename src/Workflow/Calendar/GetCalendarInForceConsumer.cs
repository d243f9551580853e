using MassTransit;
using Ptsp.Contracts.Calendar;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

/// <summary>The whole calendar in force, for a service that starts after a change.</summary>
public sealed class GetCalendarInForceConsumer(AgencyCalendar agency) : IConsumer<GetCalendarInForce>
{
    public async Task Consume(ConsumeContext<GetCalendarInForce> context)
    {
        var (document, _) = await agency.ReadAsync(context.CancellationToken);
        await context.RespondAsync(new CalendarChanged(document.Revision, document.ChangedAt?.Year ?? 0, document.ChangedBy ?? "", document.ChangedAt ?? default,
            "", document.Holidays, document.Overrides));
    }
}
