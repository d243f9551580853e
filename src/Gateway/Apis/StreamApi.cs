using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Ptsp.Gateway.Stream;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// API v1, the push channel: server-sent events about the caller's own applications (applicant) or their roles'
/// worklists (officers). Each event names the application and where it is now; a client that reconnects sends
/// <c>Last-Event-ID</c> and gets what it missed, or an <c>event: reset</c> when that can no longer be recovered.
/// </summary>
public static class StreamApi
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stream", Stream).RequireAuthorization().WithTags("Stream")
            .WithSummary("Changes to the caller's applications or worklist, as server-sent events")
            .WithDescription("text/event-stream. Each `event: application` carries `id` (resume with the Last-Event-ID header or " +
                             "`?lastEventId=`) and `data` = {applicationId, permitTypeCode, status, currentStep, assignedRole, previousRole, dueAt, version, at}. " +
                             "`event: reset` means changes were missed: reload the lists. Comment lines keep the connection alive.")
            .Produces<ChangeEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>The <c>data</c> of an <c>application</c> event.</summary>
    public sealed record ChangeEvent(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, string? AssignedRole, string? PreviousRole,
        DateTimeOffset? DueAt, int Version, DateTimeOffset At);

    static async Task Stream(HttpContext http, ClaimsPrincipal user, ChangeFeed feed, WorkingCalendar calendar, IOptions<JsonOptions> json,
        TimeProvider time, string? lastEventId = null)
    {
        var resumeFrom = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? lastEventId;
        using var subscription = feed.Subscribe(ChangeFeed.Audience.Of(user), string.IsNullOrWhiteSpace(resumeFrom) ? null : resumeFrom.Trim());

        // The stream ends when the access token does; the client signs in again and resumes.
        var expires = user.FindFirstValue("exp") is { } exp && long.TryParse(exp, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow()
            : TimeSpan.FromHours(1);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        lifetime.CancelAfter(expires > TimeSpan.Zero ? expires : TimeSpan.Zero);

        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await Write(http, "retry: 2000\n\n");
        if (subscription.ResetNeeded)
            await Write(http, "event: reset\ndata: {}\n\n");

        var reader = subscription.Reader;
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
                wait.CancelAfter(KeepAlive);
                bool available;
                try
                {
                    available = await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!lifetime.IsCancellationRequested)
                {
                    await Write(http, ": keep-alive\n\n");
                    continue;
                }

                if (!available)
                    return; // closed because it fell behind: the client reconnects with its last id
                while (reader.TryRead(out var change))
                {
                    var m = change.Message;
                    var data = JsonSerializer.Serialize(new ChangeEvent(m.ApplicationId, m.PermitTypeCode, m.Status, m.CurrentStep, m.AssignedRole,
                        m.PreviousRole, m.DueAt is { } due ? calendar.ToAgencyTime(due) : null, m.Version, calendar.ToAgencyTime(m.At)), json.Value.SerializerOptions);
                    await Write(http, $"id: {change.Id}\nevent: application\ndata: {data}\n\n", flush: false);
                }

                await http.Response.Body.FlushAsync(lifetime.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    static async Task Write(HttpContext http, string text, bool flush = true)
    {
        await http.Response.WriteAsync(text, http.RequestAborted);
        if (flush)
            await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
