using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Calendar;

namespace Ptsp.Hosting.Calendar;

/// <summary>Every service that counts working time takes the administrator's calendar over when it changes (no restart).</summary>
public sealed class CalendarChangedConsumer(WorkingCalendar calendar, ILogger<CalendarChangedConsumer> logger) : IConsumer<CalendarChanged>
{
    public Task Consume(ConsumeContext<CalendarChanged> context)
    {
        if (calendar.Apply(context.Message))
            logger.LogInformation("Working calendar revision {Revision} in force ({Summary})", context.Message.Revision, context.Message.Summary);
        return Task.CompletedTask;
    }
}
