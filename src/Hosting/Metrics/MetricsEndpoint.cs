using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Metrics;

/// <summary>
/// OpenTelemetry metrics in Prometheus text format at <c>/metrics</c> (ADR 0016): the <see cref="PtspMetrics"/> meter,
/// MassTransit's (consumer throughput, latency and errors), ASP.NET Core's request metrics and the runtime's. Who may read
/// it: with <c>Metrics__ScrapeKey</c> set, a caller that sends <c>Authorization: Bearer &lt;key&gt;</c>; without one, a
/// caller on the same machine (a loopback connection that forwards nobody). Anyone else gets 404: for them it is not there.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string ScrapeKeyConfiguration = "Metrics:ScrapeKey";

    /// <summary>The meters every process exports (in <see cref="ServiceDefaults.AddHostDefaults"/>).</summary>
    internal static void AddPtspMetrics(this MeterProviderBuilder metrics) => metrics
        .AddMeter(PtspMetrics.MeterName)
        // MassTransit's own meter: messaging_masstransit_consume_ea_total, _send_ea_total, _publish_ea_total, _consume_retries_ea_total, …
        .AddMeter("MassTransit")
        .AddAspNetCoreInstrumentation()
        .AddMeter("System.Runtime")
        .AddPrometheusExporter();

    /// <summary>The configured scrape key, or null (only callers on this machine may read); a short one stops start-up.</summary>
    public static string? ScrapeKey(IConfiguration configuration) =>
        configuration[ScrapeKeyConfiguration] switch
        {
            null or "" => null,
            { Length: >= 16 } key => key,
            _ => throw new InvalidOperationException(
                "Metrics:ScrapeKey (environment Metrics__ScrapeKey) must be at least 16 characters, or unset to let only this machine read /metrics."),
        };

    public static WebApplication MapMetrics(this WebApplication app)
    {
        var key = ScrapeKey(app.Configuration) is { } k ? Encoding.UTF8.GetBytes(k) : null;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MetricsEndpoint));
        app.MapPrometheusScrapingEndpoint(Path, null, branch => branch.Use(async (http, next) =>
            {
                if (!MayRead(http, key))
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Data tidak ditemukan.").ExecuteAsync(http);
                    return;
                }

                await ReadBacklogsAsync(http.RequestServices, logger, http.RequestAborted);
                await next(http);
            }), null)
            .DisableHttpMetrics();
        return app;
    }

    static bool MayRead(HttpContext http, byte[]? key)
    {
        if (key is null)
            return http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
        var sent = http.Request.Headers.Authorization.ToString();
        return sent.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent["Bearer ".Length..].Trim()), key);
    }

    /// <summary>
    /// The outbox gauges, read once per scrape (not per message): one query per collection over its index of pending
    /// documents. A store that does not answer keeps its last figures; readiness reports it.
    /// </summary>
    static async Task ReadBacklogsAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (services.GetService<StorageFactory>() is not { } storage)
            return;
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        foreach (var store in storage.OpenedStores)
        {
            foreach (var source in store.OutboxSources)
            {
                try
                {
                    PtspMetrics.ObserveBacklog(store.Name, source.CollectionName, await source.OutboxBacklogAsync(cancellationToken), now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not read the outbox backlog of {Store}/{Collection} for /metrics", store.Name, source.CollectionName);
                }
            }
        }
    }
}
