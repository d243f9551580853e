using Microsoft.AspNetCore.Http.Features;
using Ptsp.Web.Session;

namespace Ptsp.Web.Gateway;

/// <summary>
/// The Gateway's push channel for the browser: <c>GET /langsung</c> opens <c>/api/v1/stream</c> with the session's token
/// (which never reaches the browser) and relays the events as they come, <c>Last-Event-ID</c> included, so a page's
/// EventSource resumes after a reconnect. The browser's script only learns that something moved and reloads its list.
/// </summary>
public static class LiveUpdates
{
    public const string ClientName = "PtspWeb.Stream";

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/langsung", Relay).RequireAuthorization(WebSession.SignedInPolicy).ExcludeFromDescription();
        return app;
    }

    static async Task Relay(HttpContext http, IHttpClientFactory clients)
    {
        if (WebSession.AccessToken(http.User) is not { } token || WebSession.MustChangePassword(http.User))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (http.Request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } last)
            request.Headers.TryAddWithoutValidation("Last-Event-ID", last);

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The Gateway is away: EventSource tries again after its retry interval.
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // 401: the token expired; the page's next navigation signs the user in again.
                http.Response.StatusCode = (int)response.StatusCode;
                return;
            }

            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await using var body = await response.Content.ReadAsStreamAsync(http.RequestAborted);
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, http.RequestAborted)) > 0)
                {
                    await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The browser left, or the Gateway closed the stream: either side reconnects.
            }
        }
    }
}
