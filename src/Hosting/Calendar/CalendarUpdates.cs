using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Calendar;

namespace Ptsp.Hosting.Calendar;

/// <summary>The calendar's contract shapes to and from the calendar's own types.</summary>
public static class CalendarContract
{
    public static HolidayEntry ToEntry(Holiday h) => new(h.Date, h.Name);

    public static Holiday FromEntry(HolidayEntry h) => new(h.Date, h.Name?.Trim() ?? "");

    public static WorkingHoursOverride ToEntry(CalendarOverride o) =>
        new(o.Name, o.From, o.To, o.Week.OrderBy(d => ((int)d.Key + 6) % 7).ToDictionary(d => CalendarOptions.DayKey(d.Key), d => WorkingWindow.Format(d.Value)));

    public static IReadOnlyDictionary<string, string> Week(CalendarOptions options) =>
        options.Week.OrderBy(d => ((int)d.Key + 6) % 7).ToDictionary(d => CalendarOptions.DayKey(d.Key), d => WorkingWindow.Format(d.Value));

    /// <summary>An override from the contract; <paramref name="errors"/> gets a Bahasa Indonesia message per bad day (then null).</summary>
    public static CalendarOverride? FromEntry(WorkingHoursOverride o, string field, IDictionary<string, string[]>? errors = null)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>();
        var ok = true;
        foreach (var (key, value) in o.Week ?? new Dictionary<string, string>())
        {
            if (CalendarOptions.ParseDay(key) is not { } day)
            {
                errors?[$"{field}.week.{key}"] = [$"'{key}' bukan nama hari (Mon, Tue, Wed, Thu, Fri, Sat, Sun)."];
                ok = false;
            }
            else if (WorkingWindow.TryParseDay(value) is { } windows)
            {
                week[day] = windows;
            }
            else
            {
                errors?[$"{field}.week.{key}"] = [$"'{value}' bukan jam kerja yang valid; tulis seperti 08:00-12:00,12:30-15:00 (berurutan, tidak bertumpang tindih)."];
                ok = false;
            }
        }

        return ok ? new CalendarOverride(o.Name?.Trim() ?? "", o.From, o.To, week) : null;
    }

    /// <summary>Puts the change's holidays and overrides in force unless a newer revision already is.</summary>
    public static bool Apply(this WorkingCalendar calendar, CalendarChanged change) =>
        calendar.Apply(change.Revision, change.Holidays.Select(FromEntry).ToList(), change.Overrides.Select(o => FromEntry(o, "")!).ToList());
}

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
