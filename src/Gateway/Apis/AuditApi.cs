using System.Globalization;
using System.Text;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Audit;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// API v1, the audit log (issue 14 point 5, ADR 0015): the administrator reads the hash-chained log of every user action,
/// as JSON pages or CSV, and verifies the chain. Registration keeps it; the Gateway records into it (Audit/AuditRecorder).
/// </summary>
public static class AuditApi
{
    const int DefaultPageSize = 50;
    const int MaxPageSize = 500;
    const int CsvBatch = 1000;
    const int CsvMaxRows = 100_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/", List)
            .WithSummary("The audit log, newest first: who, role, what, when, from which address, the answer's status, and each entry's hash link. " +
                "Filters from, to (ISO 8601 time or YYYY-MM-DD in the agency's zone), user, action, applicationId; paging with pageSize and " +
                "before (the previous page's nextBefore); format=csv gives every matching entry as CSV")
            // One 200 with both forms: a second Produces for the same status is dropped from the document.
            .Produces<AuditPage>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem();
        audit.MapGet("/verify", Verify)
            .WithSummary("Recomputes the audit log's SHA-256 chain from the first entry; names the first entry that does not hold")
            .Produces<AuditVerification>();
        return app;
    }

    public sealed record AuditItem(long Sequence, DateTimeOffset At, string? Username, string? Role, string Action, Guid? ApplicationId,
        string? Target, string? ClientAddress, int Status, string Outcome, string PreviousHash, string Hash);

    public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long? NextBefore);

    public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? Reason);

    static async Task<IResult> List(string? from, string? to, string? user, string? action, string? applicationId, int? pageSize, long? before,
        string? format, IRequestClient<GetAuditLog> client, WorkingCalendar calendar, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Time(from, calendar, "from", errors);
        var end = Time(to, calendar, "to", errors);
        Guid? application = null;
        if (!string.IsNullOrWhiteSpace(applicationId))
        {
            if (Guid.TryParse(applicationId, out var id))
                application = id;
            else
                errors["applicationId"] = ["Nomor permohonan harus berupa GUID."];
        }
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"Ukuran halaman antara 1 dan {MaxPageSize}."];
        if (before is < 1)
            errors["before"] = ["Nomor urut harus positif."];
        if (user is { Length: > 100 })
            errors["user"] = ["Nama pengguna terlalu panjang."];
        if (action is { Length: > 200 })
            errors["action"] = ["Tindakan terlalu panjang."];
        if (format is not (null or "json" or "csv"))
            errors["format"] = ["Format adalah json atau csv."];
        if (errors.Count > 0)
            return Problems.From(new CommandRefused(RefusalKind.Invalid, "Parameter log audit tidak valid.", errors), http);

        if (format != "csv")
        {
            var page = (await client.GetResponse<AuditLogPage>(
                new GetAuditLog(start, end, user, action, application, before, pageSize ?? DefaultPageSize), http.RequestAborted)).Message;
            return TypedResults.Ok(new AuditPage(page.Items.Select(e => Item(e, calendar)).ToList(), page.NextBeforeSequence));
        }

        var text = new StringBuilder("sequence,at,username,role,action,applicationId,target,clientAddress,status,outcome,previousHash,hash\n");
        long? cursor = before;
        var rows = 0;
        do
        {
            var page = (await client.GetResponse<AuditLogPage>(new GetAuditLog(start, end, user, action, application, cursor, CsvBatch),
                http.RequestAborted)).Message;
            foreach (var e in page.Items.Select(e => Item(e, calendar)))
            {
                text.AppendJoin(',', e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                    Csv(e.Username), Csv(e.Role), Csv(e.Action), e.ApplicationId?.ToString() ?? "", Csv(e.Target), Csv(e.ClientAddress),
                    e.Status.ToString(CultureInfo.InvariantCulture), e.Outcome, e.PreviousHash, e.Hash).Append('\n');
                rows++;
            }
            cursor = page.NextBeforeSequence;
        }
        while (cursor is not null && rows < CsvMaxRows);

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "log-audit.csv");
    }

    static async Task<IResult> Verify(IRequestClient<VerifyAuditLog> client, HttpContext http)
    {
        var result = (await client.GetResponse<AuditLogVerification>(new VerifyAuditLog(), http.RequestAborted)).Message;
        return TypedResults.Ok(new AuditVerification(result.Valid, result.Entries, result.FirstBrokenSequence, result.Reason));
    }

    static AuditItem Item(AuditLogEntry e, WorkingCalendar calendar) => new(e.Sequence, calendar.ToAgencyTime(e.At), e.Username, e.Role, e.Action,
        e.ApplicationId, e.Target, e.ClientAddress, e.Status, Outcome(e.Status), e.PreviousHash, e.Hash);

    /// <summary>"Accepted" (2xx/3xx), "Refused" (4xx: the owning service or the Gateway said no) or "Failed" (5xx).</summary>
    static string Outcome(int status) => status switch
    {
        < 400 => "Accepted",
        < 500 => "Refused",
        _ => "Failed",
    };

    /// <summary>A time (ISO 8601) or a date (midnight in the agency's zone), between the years 2000 and 2100.</summary>
    static DateTimeOffset? Time(string? value, WorkingCalendar calendar, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        DateTimeOffset? time = null;
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            time = parsed;
        else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            time = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        }

        if (time is { Year: >= 2000 and <= 2100 })
            return time;
        errors[field] = ["Isi dengan tanggal (YYYY-MM-DD) atau waktu ISO 8601 antara tahun 2000 dan 2100."];
        return null;
    }

    /// <summary>A CSV field; a leading =, +, - or @ is quoted away so a spreadsheet does not run it as a formula.</summary>
    static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
