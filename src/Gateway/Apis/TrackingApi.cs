using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// Public tracking by receipt number (anyone, no account): the step and its status in public words, and the dates —
/// no names, no documents, no notes. Rate-limited per client address (<c>RateLimits__Tracking__PermitLimit</c> requests
/// per <c>RateLimits__Tracking__WindowSeconds</c>), so receipt numbers cannot be harvested by counting through them.
/// </summary>
public static class TrackingApi
{
    public const string RateLimitPolicy = RateLimits.Tracking;

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        // A catch-all: receipt numbers may contain '/' (e.g. 503/0001/IZN-REK/DPMPTSP/XI/2026), sent plain or as %2F.
        app.MapGet("/api/v1/track/{**receiptNumber}", Track).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Tracking")
            .WithSummary("Public status of an application by its receipt number")
            .WithDescription("Anyone may ask. Answers the step, the status in public wording and the dates; never names, documents or notes. " +
                             "The number may contain '/' (plain or %2F). Unknown numbers answer 404; too many requests from one address 429 with Retry-After.")
            .Produces<TrackingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public sealed record TrackingStep(int Step, string Name, DateTimeOffset At);

    public sealed record TrackingResponse(string ReceiptNumber, string PermitTypeCode, string PermitTypeName, string Status, string StatusText,
        int? CurrentStep, string? CurrentStepName, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? DecidedAt,
        IReadOnlyList<TrackingStep> Timeline);

    static async Task<IResult> Track(string? receiptNumber, IRequestClient<GetTracking> client, WorkingCalendar calendar, HttpContext http)
    {
        var number = Uri.UnescapeDataString(receiptNumber ?? "").Trim();
        if (number.Length is 0 or > 64)
            return TypedResults.Problem(title: "Nomor tanda terima tidak terdaftar.", statusCode: StatusCodes.Status404NotFound);
        var response = await client.GetResponse<TrackingStatus, CommandRefused>(new GetTracking(number), http.RequestAborted);
        return Problems.Reply(response, http, s => TypedResults.Ok(new TrackingResponse(s.ReceiptNumber, s.PermitTypeCode, s.PermitTypeName, s.Status,
            PermitStatus.Text(s.Status), s.CurrentStep, s.CurrentStep is { } step ? StepName(step) : null, calendar.ToAgencyTime(s.SubmittedAt),
            s.DueAt is { } due ? calendar.ToAgencyTime(due) : null, s.DecidedAt is { } decided ? calendar.ToAgencyTime(decided) : null,
            s.Timeline.Select(t => new TrackingStep(t.Step, StepName(t.Step), calendar.ToAgencyTime(t.At))).ToList())));
    }

    /// <summary>What each SOP step is, in words the public reads (no officer's name).</summary>
    public static string StepName(int step) => step switch
    {
        3 => "Pengajuan permohonan",
        4 => "Pemeriksaan kelengkapan berkas",
        5 => "Data teknis dan penjadwalan kajian",
        6 => "Kajian teknis",
        7 => "Penyusunan draf keputusan",
        8 => "Verifikasi Kepala Seksi",
        9 => "Verifikasi Kepala Bidang",
        10 => "Keputusan dan tanda tangan elektronik",
        _ => $"Langkah {step}",
    };
}
