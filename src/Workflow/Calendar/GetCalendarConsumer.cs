using MassTransit;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

public sealed class GetCalendarConsumer(AgencyCalendar agency) : IConsumer<GetCalendar>
{
    public async Task Consume(ConsumeContext<GetCalendar> context)
    {
        if (context.Message.Year is < 2000 or > 2100)
        {
            await context.RespondAsync(new CommandRefused(RefusalKind.Invalid, "Tahun kalender tidak valid.",
                new Dictionary<string, string[]> { ["year"] = ["Isi tahun antara 2000 dan 2100."] }));
            return;
        }

        var (document, _) = await agency.ReadAsync(context.CancellationToken);
        await context.RespondAsync(agency.View(document, context.Message.Year));
    }
}
