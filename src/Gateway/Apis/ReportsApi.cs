using System.Globalization;
using System.Text;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>The SLA report for supervisors: per step, role and permit type, as JSON or CSV.</summary>
public static class ReportsApi
{
    public const string Supervisors = nameof(Supervisors);

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/sla", Sla).RequireAuthorization(Supervisors).WithTags("Reports")
            .WithSummary("The SLA report of a period (at most a year, dates 2000–2099): per step, role and permit type, as JSON or CSV")
            .WithDescription("Each row: steps ended in the period, within target, overdue, median and 90th percentile working minutes, and the mean " +
                             "working minutes used against the mean target (`meanMinutes`, `meanTargetMinutes`; null without a target).")
            .Produces<SlaReportResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblems(400);
        return app;
    }

    static async Task<IResult> Sla(string? from, string? to, string? format, IRequestClient<GetSlaReport> client, WorkingCalendar calendar, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseTime(from, calendar, "from", errors);
        var end = ParseTime(to, calendar, "to", errors);
        if (errors.Count == 0 && end <= start)
            errors["to"] = ["Akhir periode harus setelah awal periode."];
        if (errors.Count == 0 && end - start > TimeSpan.FromDays(366))
            errors["to"] = ["Periode laporan paling panjang satu tahun."];
        if (format is not (null or "json" or "csv"))
            errors["format"] = ["Format adalah json atau csv."];
        if (errors.Count > 0)
            return Problems.From(new Ptsp.Contracts.Common.CommandRefused(Ptsp.Contracts.Common.RefusalKind.Invalid, "Parameter laporan tidak valid.", errors), http);

        var report = (await client.GetResponse<SlaReport>(new GetSlaReport(start, end), http.RequestAborted)).Message;
        var csv = format == "csv" || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (!csv)
            return TypedResults.Ok(new SlaReportResponse(calendar.ToAgencyTime(report.From), calendar.ToAgencyTime(report.To), report.Rows));

        var text = new StringBuilder("dimension,key,count,withinTarget,overdue,medianMinutes,p90Minutes,meanMinutes,meanTargetMinutes\n");
        foreach (var r in report.Rows)
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Dimension},{r.Key},{r.Count},{r.WithinTarget},{r.Overdue},{r.MedianMinutes},{r.P90Minutes},{r.MeanMinutes},{r.MeanTargetMinutes}\n");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"laporan-sla-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }

    public sealed record SlaReportResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRow> Rows);

    /// <summary>An ISO 8601 time, or a date (midnight in the agency's zone).</summary>
    internal static DateTimeOffset ParseTime(string? value, WorkingCalendar calendar, string field, Dictionary<string, string[]> errors)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && value!.Length > 10)
            return InRange(time, field, errors);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Checked before the zone is applied: 0001-01-01 at +07:00 is before the first representable instant.
            if (date < Earliest || date > Latest)
                return OutOfRange(field, errors);
            var local = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        }

        errors[field] = ["Isi dengan tanggal (YYYY-MM-DD) atau waktu ISO 8601."];
        return default;
    }

    // A report covers the agency's working years; outside them a period is a typing error, not a question.
    static readonly DateOnly Earliest = new(2000, 1, 1);
    static readonly DateOnly Latest = new(2099, 12, 31);

    static DateTimeOffset InRange(DateTimeOffset time, string field, Dictionary<string, string[]> errors) =>
        DateOnly.FromDateTime(time.UtcDateTime) is var day && day >= Earliest && day <= Latest ? time : OutOfRange(field, errors);

    static DateTimeOffset OutOfRange(string field, Dictionary<string, string[]> errors)
    {
        errors[field] = ["Tanggal harus antara 2000-01-01 dan 2099-12-31."];
        return default;
    }
}
