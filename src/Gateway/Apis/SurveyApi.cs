using System.Globalization;
using System.Security.Claims;
using System.Text;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// The satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017): the applicant answers once per application
/// after the decision; supervisors and the administrator read the anonymous report (element averages, IKM, category).
/// Signing owns the survey; it validates the answers and the moment.
/// </summary>
public static class SurveyApi
{
    public const string SkmReaders = nameof(SkmReaders);

    public static IEndpointRouteBuilder MapSurveyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/applications/{id:guid}/survey", Submit).RequireAuthorization(Roles.Applicant).WithTags("Survey")
            .WithSummary("The applicant answers the satisfaction survey (SKM) of a decided application, once")
            .WithDescription("Body {answers: [U1..U9]}, each 1 (worst) to 4 (best): persyaratan; sistem, mekanisme dan prosedur; waktu penyelesaian; " +
                             "biaya/tarif; produk spesifikasi jenis pelayanan; kompetensi pelaksana; perilaku pelaksana; penanganan pengaduan, saran dan " +
                             "masukan; sarana dan prasarana. 409 before the decision or when already answered; 400 for invalid answers.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/v1/applications/{id:guid}/survey", Invitation).RequireAuthorization(Roles.Applicant).WithTags("Survey")
            .WithSummary("Whether the application's survey is open to its applicant, or when it was answered")
            .Produces<SurveyInvitationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/reports/skm", Report).RequireAuthorization(SkmReaders).WithTags("Reports")
            .WithSummary("The SKM report of a period: each element's average, the IKM and its category")
            .WithDescription("from, to: dates (YYYY-MM-DD, midnight in the agency's zone) or ISO 8601 times; format=csv for a CSV file. " +
                             "IKM = Σ(average × 0.111) × 25; category A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. Answers are anonymous.")
            // One declaration for both forms: a second one for the same status would replace the first.
            .Produces<SkmReportResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public sealed record SurveyRequest(List<int>? Answers);

    public sealed record SurveyInvitationResponse(Guid ApplicationId, bool Open, DateTimeOffset? AnsweredAt);

    public sealed record SkmElementResponse(string Code, string Name, decimal? Average);

    public sealed record SkmReportResponse(DateTimeOffset From, DateTimeOffset To, int Respondents, IReadOnlyList<SkmElementResponse> Elements, decimal? Ikm,
        string? Category);

    static Task<IResult> Submit(Guid id, SurveyRequest? body, ClaimsPrincipal user, IRequestClient<SubmitSurvey> client, HttpContext http) =>
        Problems.CommandAsync(client, new SubmitSurvey(id, user.Identity!.Name!, body?.Answers), http);

    static async Task<IResult> Invitation(Guid id, ClaimsPrincipal user, IRequestClient<GetSurveyInvitation> client, WorkingCalendar calendar,
        HttpContext http)
    {
        var response = await client.GetResponse<SurveyInvitation, CommandRefused>(new GetSurveyInvitation(id, user.Identity!.Name!), http.RequestAborted);
        return Problems.Reply(response, http, s => TypedResults.Ok(new SurveyInvitationResponse(s.ApplicationId, s.Open,
            s.AnsweredAt is { } at ? calendar.ToAgencyTime(at) : null)));
    }

    static async Task<IResult> Report(string? from, string? to, string? format, IRequestClient<GetSkmReport> client, WorkingCalendar calendar,
        HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ReportsApi.ParseTime(from, calendar, "from", errors);
        var end = ReportsApi.ParseTime(to, calendar, "to", errors);
        if (errors.Count == 0 && end <= start)
            errors["to"] = ["Akhir periode harus setelah awal periode."];
        if (errors.Count == 0 && end - start > TimeSpan.FromDays(366))
            errors["to"] = ["Periode laporan paling panjang satu tahun."];
        if (format is not (null or "json" or "csv"))
            errors["format"] = ["Format adalah json atau csv."];
        if (errors.Count > 0)
            return Problems.From(new CommandRefused(RefusalKind.Invalid, "Parameter laporan tidak valid.", errors), http);

        var report = (await client.GetResponse<SkmReport>(new GetSkmReport(start, end), http.RequestAborted)).Message;
        if (format != "csv")
            return TypedResults.Ok(new SkmReportResponse(calendar.ToAgencyTime(report.From), calendar.ToAgencyTime(report.To), report.Respondents,
                report.Elements.Select(e => new SkmElementResponse(e.Code, e.Name, e.Average)).ToList(), report.Ikm, report.Category));

        // Invariant numbers (a point for decimals); names with commas are quoted.
        var text = new StringBuilder("kode,unsur,rata_rata\n");
        foreach (var e in report.Elements)
            text.Append(CultureInfo.InvariantCulture, $"{e.Code},\"{e.Name}\",{e.Average?.ToString("0.00", CultureInfo.InvariantCulture)}\n");
        text.Append(CultureInfo.InvariantCulture, $"IKM,\"Indeks Kepuasan Masyarakat\",{report.Ikm?.ToString("0.00", CultureInfo.InvariantCulture)}\n");
        text.Append(CultureInfo.InvariantCulture, $"MUTU,\"Mutu pelayanan\",{report.Category}\n");
        text.Append(CultureInfo.InvariantCulture, $"N,\"Jumlah responden\",{report.Respondents}\n");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"laporan-skm-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }
}
