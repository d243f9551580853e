using System.Globalization;
using System.Threading.RateLimiting;

namespace Ptsp.Gateway;

/// <summary>
/// Abuse limits per client address (issue 14, point 6; ADR 0013), all in one place. Each limit is a fixed window of
/// <c>RateLimits__&lt;Name&gt;__PermitLimit</c> requests per <c>RateLimits__&lt;Name&gt;__WindowSeconds</c>: the API as a whole
/// (<see cref="Api"/>, every <c>/api</c> path) and, within it, tighter ones on sign-in, registration, the public verification
/// upload and public tracking. A refusal is 429 problem details with Retry-After and a Bahasa Indonesia detail.
/// </summary>
public static class RateLimits
{
    public const string Api = nameof(Api);
    public const string SignIn = nameof(SignIn);
    public const string Registration = nameof(Registration);
    public const string Verification = nameof(Verification);
    public const string Tracking = nameof(Tracking);

    /// <summary>The defaults: generous for people, tight enough to stop guessing and flooding from one address.</summary>
    static readonly Dictionary<string, (int PermitLimit, int WindowSeconds, string Detail)> Defaults = new()
    {
        [Api] = (600, 60, "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat."),
        [SignIn] = (10, 60, "Terlalu banyak percobaan masuk atau pengaturan kata sandi dari alamat Anda."),
        [Registration] = (5, 600, "Terlalu banyak pendaftaran akun dari alamat Anda."),
        [Verification] = (20, 60, "Terlalu banyak unggahan dokumen untuk diverifikasi dari alamat Anda."),
        [Tracking] = (30, 60, "Terlalu banyak permintaan pelacakan dari alamat Anda."),
    };

    const string RejectedPolicy = "Ptsp.RateLimits.Policy";

    public static IServiceCollection AddPtspRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Defaults.ToDictionary(d => d.Key, d =>
        {
            var limit = configuration.GetValue($"RateLimits:{d.Key}:PermitLimit", d.Value.PermitLimit);
            var seconds = configuration.GetValue($"RateLimits:{d.Key}:WindowSeconds", d.Value.WindowSeconds);
            if (limit < 1 || seconds < 1)
                throw new InvalidOperationException($"RateLimits:{d.Key}:PermitLimit and RateLimits:{d.Key}:WindowSeconds must be positive.");
            return new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0 };
        });

        return services.AddRateLimiter(o =>
        {
            foreach (var name in Defaults.Keys.Where(k => k != Api))
            {
                var options = limits[name];
                o.AddPolicy(name, http =>
                {
                    // The API-wide limiter is asked first; reaching this one means it let the request through.
                    http.Items[RejectedPolicy] = name;
                    return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => options);
                });
            }

            // The API as a whole; pages, health and the services' internal endpoints are not counted here.
            var api = limits[Api];
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => api)
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var refusedBy = http.Items[RejectedPolicy] as string ?? Api;
                var window = limits[refusedBy].Window;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Terlalu banyak permintaan. Silakan coba lagi nanti.",
                        Detail = $"{Defaults[refusedBy].Detail} Silakan coba lagi dalam {seconds} detik.",
                    },
                });
            };
        });
    }

    /// <summary>
    /// The caller's address. The web application asks on behalf of its visitor and names them in X-Forwarded-For; that
    /// header is believed only from a caller on this machine (the all-in-one host, or a Web process beside the Gateway),
    /// so a client on the network cannot escape a limit by sending it.
    /// </summary>
    public static string ClientAddress(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && System.Net.IPAddress.IsLoopback(remote)
            && http.Request.Headers["X-Forwarded-For"].ToString().Split(',')[^1].Trim() is { Length: > 0 } forwarded
            && System.Net.IPAddress.TryParse(forwarded, out var visitor))
            return visitor.ToString();
        return remote?.ToString() ?? "unknown";
    }
}
