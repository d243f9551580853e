using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ptsp.Hosting;
using Ptsp.Web.Display;
using Ptsp.Web.Gateway;
using Ptsp.Web.Session;

namespace Ptsp.Web;

public static class Extensions
{
    /// <summary>
    /// The web application's services. <paramref name="requireGatewayUrl"/>: its own process must be told where the
    /// Gateway is; the all-in-one host defaults to its own first listening address.
    /// </summary>
    public static IHostApplicationBuilder AddWebApplication(this IHostApplicationBuilder builder, bool requireGatewayUrl = false)
    {
        var gateway = GatewayAddress(builder.Configuration, requireGatewayUrl);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<GatewayClient>(http =>
        {
            http.BaseAddress = gateway;
            http.Timeout = TimeSpan.FromSeconds(60);
        });
        // The push channel is a long-lived response: its own client, without the request timeout.
        builder.Services.AddHttpClient(LiveUpdates.ClientName, http =>
        {
            http.BaseAddress = gateway;
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.Services.AddSingleton<Words>();
        // Indonesian text as it is, not as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("gateway",
            sp => new GatewayHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), gateway), HealthStatus.Unhealthy, [ServiceDefaults.ReadyTag]));

        // Sessions and antiforgery tokens survive a restart (and are shared by replicas) through keys kept in the data folder.
        var keys = builder.Configuration["Web:DataProtectionDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Configuration["Storage:Sqlite:Directory"] ?? "data", "web-keys");
        builder.Services.AddDataProtection().SetApplicationName("Ptsp.Web").PersistKeysToFileSystem(new DirectoryInfo(keys));

        // A named scheme and named policies: the all-in-one host's default scheme and policy stay the Gateway's (JWT).
        builder.Services.AddAuthentication().AddCookie(WebSession.Scheme, WebSession.Configure);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(WebSession.SignedInPolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireAuthenticatedUser())
            .AddPolicy(WebSession.ApplicantPolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireRole("Applicant"))
            .AddPolicy(WebSession.OfficerPolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireRole(WebSession.OfficerRoles))
            .AddPolicy(WebSession.FrontOfficePolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireRole("FrontOffice"))
            .AddPolicy(WebSession.AdministratorPolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireRole("Administrator"));

        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Pemohon", WebSession.ApplicantPolicy);
                o.Conventions.AuthorizeFolder("/Petugas", WebSession.OfficerPolicy);
                o.Conventions.AuthorizeFolder("/Admin", WebSession.AdministratorPolicy);
                o.Conventions.AuthorizePage("/GantiKataSandi", WebSession.SignedInPolicy);
            })
            .AddMvcOptions(o => o.Filters.Add<GatewayProblemFilter>())
            // Only this assembly's pages, whichever host (Web's own, all-in-one) is the entry assembly.
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                var assembly = typeof(Extensions).Assembly;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    parts.ApplicationParts.Add(part);
            });
        return builder;
    }

    /// <summary>The pages at <c>/</c>, with HTML error pages; the API's paths keep their problem details.</summary>
    public static WebApplication MapWebApplication(this WebApplication app)
    {
        // Not a UseWhen branch: a branch has no global router, so re-executing there would find no page.
        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        app.UseMiddleware<PageErrors>();
        app.MapGet("/aset/{file}", Assets.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapLiveUpdates();
        app.MapRazorPages();
        return app;
    }

    static readonly string[] ApiPaths = ["/api", "/api-reference", "/internal", "/health", "/openapi", "/aset"];

    public static bool IsPage(HttpContext http) =>
        !ApiPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    static Uri GatewayAddress(IConfiguration configuration, bool required)
    {
        var configured = configuration["Web:GatewayUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (required)
                throw new InvalidOperationException("Web:GatewayUrl (environment Web__GatewayUrl) must name the Gateway's address, e.g. http://127.0.0.1:5080.");
            // All-in-one: the Gateway answers on this same listener.
            configured = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?.Split(';', StringSplitOptions.RemoveEmptyEntries)[0]
                         ?? "http://localhost:5000";
        }

        // A wildcard listening address is reached on the loopback interface.
        var address = System.Text.RegularExpressions.Regex.Replace(configured.Trim(), @"://(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "://127.0.0.1");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Web:GatewayUrl '{configured}' is not an http(s) address.");
        return uri;
    }

    sealed class GatewayHealthCheck(IHttpClientFactory factory, Uri gateway) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var http = factory.CreateClient();
                http.Timeout = TimeSpan.FromSeconds(5);
                using var response = await http.GetAsync(new Uri(gateway, "/health/live"), cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"Gateway {gateway} answers.")
                    : HealthCheckResult.Unhealthy($"Gateway {gateway} answered {(int)response.StatusCode}.");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"Gateway {gateway} does not answer.", e);
            }
        }
    }
}
