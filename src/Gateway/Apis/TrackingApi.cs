using System.Globalization;
using System.Threading.RateLimiting;
using MassTransit;
using Microsoft.AspNetCore.RateLimiting;
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
    public const string RateLimitPolicy = "tracking";

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

    /// <summary>The per-address limiter of the tracking endpoint; its 429 is a problem with Retry-After.</summary>
    public static IServiceCollection AddTrackingRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetValue("RateLimits:Tracking:PermitLimit", 30);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:Tracking:WindowSeconds", 60));
        if (limit < 1 || window <= TimeSpan.Zero)
            throw new InvalidOperationException("RateLimits:Tracking:PermitLimit and RateLimits:Tracking:WindowSeconds must be positive.");
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Terlalu banyak permintaan pelacakan dari alamat Anda. Silakan coba lagi nanti.",
                    },
                });
            };
        });
    }

    /// <summary>
    /// The caller's address. The web application's tracking page asks on behalf of its visitor and names them in
    /// X-Forwarded-For; that header is believed only from a caller on this machine (the all-in-one host, or a Web process
    /// beside the Gateway), so a client on the network cannot escape the limit by sending it.
    /// </summary>
    static string ClientAddress(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && System.Net.IPAddress.IsLoopback(remote)
            && http.Request.Headers["X-Forwarded-For"].ToString().Split(',')[^1].Trim() is { Length: > 0 } forwarded
            && System.Net.IPAddress.TryParse(forwarded, out var visitor))
            return visitor.ToString();
        return remote?.ToString() ?? "unknown";
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
            StatusText(s.Status), s.CurrentStep, s.CurrentStep is { } step ? StepName(step) : null, calendar.ToAgencyTime(s.SubmittedAt),
            s.DueAt is { } due ? calendar.ToAgencyTime(due) : null, s.DecidedAt is { } decided ? calendar.ToAgencyTime(decided) : null,
            s.Timeline.Select(t => new TrackingStep(t.Step, StepName(t.Step), calendar.ToAgencyTime(t.At))).ToList())));
    }

    /// <summary>The status words of ui.md, for the public.</summary>
    public static string StatusText(string status) => status switch
    {
        "Draft" => "Draf",
        "Submitted" => "Diajukan — pemeriksaan kelengkapan",
        "ReturnedToApplicant" => "Dikembalikan — perlu dilengkapi",
        "InTechnicalReview" => "Kajian teknis",
        "InDrafting" => "Penyusunan draf keputusan",
        "InVerification" => "Verifikasi",
        "AwaitingSignature" => "Menunggu tanda tangan",
        "Issued" => "Izin terbit",
        "Rejected" => "Ditolak",
        "Withdrawn" => "Dibatalkan oleh pemohon",
        "Revoked" => "Izin dicabut",
        _ => status,
    };

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
