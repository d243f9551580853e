using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// The agency's working calendar (issue 15, ADR 0008): every officer and the administrator read it; only the administrator
/// changes a year's holidays and overrides. Workflow owns it and judges the change; the Gateway checks the role only.
/// </summary>
public static class CalendarApi
{
    public const string Readers = "CalendarReaders";
    public const string Keepers = "CalendarKeepers";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        calendar.MapGet("/", Get).RequireAuthorization(Readers)
            .WithSummary("A year's working calendar: the week's working windows, holidays and cuti bersama, and overrides such as Ramadan hours")
            .WithDescription("Any officer or the administrator. `year` defaults to the current year in the agency's zone. `revision` 0: the configured calendar, unchanged.")
            .Produces<CalendarView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        calendar.MapPut("/{year:int}", Put).RequireAuthorization(Keepers)
            .WithSummary("Replaces a year's holidays (dated in that year) and overrides (starting in that year)")
            .WithDescription("Administrator only. Takes effect in every service without a restart; due times of open steps are counted again, and each " +
                             "application whose due time moved gets a history entry saying why. Publishes `ptsp.calendar-changed.v1` (who, when, what changed).")
            .Accepts<CalendarYearRequest>("application/json")
            .Produces<CalendarView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>A year's holidays and overrides; dates <c>YYYY-MM-DD</c>, windows <c>HH:mm-HH:mm</c> joined by commas, days <c>Mon</c> … <c>Sun</c>.</summary>
    public sealed record CalendarYearRequest(IReadOnlyList<HolidayEntry>? Holidays, IReadOnlyList<WorkingHoursOverride>? Overrides);

    static async Task<IResult> Get(int? year, IRequestClient<GetCalendar> client, WorkingCalendar calendar, TimeProvider time, HttpContext http)
    {
        var response = await client.GetResponse<CalendarView, CommandRefused>(new GetCalendar(year ?? calendar.ToAgencyTime(time.GetUtcNow()).Year),
            http.RequestAborted);
        return Problems.Reply(response, http, view => TypedResults.Ok(Local(view, calendar)));
    }

    static async Task<IResult> Put(int year, CalendarYearRequest body, IRequestClient<SetCalendarYear> client, WorkingCalendar calendar, ClaimsPrincipal user,
        HttpContext http)
    {
        var response = await client.GetResponse<CalendarView, CommandRefused>(
            new SetCalendarYear(year, body.Holidays ?? [], body.Overrides ?? [], user.Identity!.Name!), http.RequestAborted);
        return Problems.Reply(response, http, view => TypedResults.Ok(Local(view, calendar)));
    }

    static CalendarView Local(CalendarView view, WorkingCalendar calendar) =>
        view with { ChangedAt = view.ChangedAt is { } at ? calendar.ToAgencyTime(at) : null };

    public static IEnumerable<string> ReaderRoles => Roles.Officers.Append(Roles.Administrator);
}
