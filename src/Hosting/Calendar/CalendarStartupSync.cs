using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Calendar;

namespace Ptsp.Hosting.Calendar;

/// <summary>
/// At start-up, asks Workflow for the administrator's calendar (all of it, as the full list of the newest change), so a
/// service started after a change counts with it; retries in the background until Workflow answers.
/// </summary>
public sealed class CalendarStartupSync(IServiceScopeFactory scopes, WorkingCalendar calendar, IHostApplicationLifetime lifetime,
    ILogger<CalendarStartupSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Asks once the host (and so the bus) has started; start-up itself never waits for Workflow.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var client = scope.ServiceProvider.GetRequiredService<IRequestClient<GetCalendarInForce>>();
                var answer = (await client.GetResponse<CalendarChanged>(new GetCalendarInForce(), stoppingToken)).Message;
                if (calendar.Apply(answer))
                    logger.LogInformation("Working calendar revision {Revision} taken from Workflow", answer.Revision);
                return;
            }
            catch (Exception e) when (e is RequestTimeoutException or RequestFaultException)
            {
                if (attempt == 1 || attempt % 10 == 0)
                    logger.LogInformation("Workflow has not answered for the working calendar yet (attempt {Attempt}); asking again", attempt);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
