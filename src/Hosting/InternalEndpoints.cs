using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ptsp.Hosting;

/// <summary>
/// The services' internal file endpoints (<c>/internal/...</c>) are the Gateway's alone (issue 14 point 6, ADR 0013): a
/// request there must carry the service key (<c>Internal__ServiceKey</c>) in <see cref="Header"/>, which only the Gateway
/// sends; the user's token alone is not enough. A service in its own process refuses a request without it (401, or 403
/// for a wrong key); the all-in-one host, whose key is made at start and never leaves the process, answers 404, so the
/// routes are not there for anyone on its public listener.
/// </summary>
public static class InternalEndpoints
{
    public const string Header = "X-Ptsp-Service-Key";
    public const string ConfigurationKey = "Internal:ServiceKey";
    const string PathPrefix = "/internal";

    /// <summary>The configured key; a process that serves or calls internal endpoints does not start without one.</summary>
    public static string ServiceKey(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: >= 16 } key
            ? key
            : throw new InvalidOperationException(
                "Internal:ServiceKey (environment Internal__ServiceKey) must be set to the same random value (at least 16 characters) " +
                "in the Gateway and the services (scripts/run-distributed.sh generates one).");

    /// <summary>The all-in-one host: a key of this process's own, unless one is configured.</summary>
    public static void UseGeneratedServiceKey(this IConfigurationManager configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConfigurationKey]))
            configuration[ConfigurationKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Before authentication: <c>/internal/...</c> without the right key ends here.</summary>
    public static WebApplication UseInternalServiceKey(this WebApplication app, bool hideWithoutKey = false)
    {
        var expected = Encoding.UTF8.GetBytes(ServiceKey(app.Configuration));
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                await next(http);
                return;
            }

            var sent = http.Request.Headers[Header].ToString();
            if (sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), expected))
            {
                await next(http);
                return;
            }

            var (status, title) = hideWithoutKey
                ? (StatusCodes.Status404NotFound, "Data tidak ditemukan.")
                : sent.Length == 0
                    ? (StatusCodes.Status401Unauthorized, "Alamat internal ini hanya untuk Gateway; kunci layanan tidak disertakan.")
                    : (StatusCodes.Status403Forbidden, "Alamat internal ini hanya untuk Gateway; kunci layanan salah.");
            http.Response.StatusCode = status;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = title },
            });
        });
        return app;
    }
}
