using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Ptsp.Web.Gateway;
using Ptsp.Web.Session;

namespace Ptsp.Web;

/// <summary>
/// Whatever goes wrong on a page becomes a status code with no body, which the status-code pages turn into an error
/// page in Bahasa Indonesia (<c>/galat/{code}</c>): never a stack trace, never the API's problem JSON.
/// </summary>
sealed class PageErrors(RequestDelegate next, ILogger<PageErrors> logger)
{
    /// <summary>The Gateway's own message for the error page, when it gave one.</summary>
    public const string MessageKey = "Ptsp.Web.ErrorMessage";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!Extensions.IsPage(http))
        {
            // The API's paths keep their problem details (written by the Gateway's own handlers).
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                statusCodePages.Enabled = false;
            await next(http);
            return;
        }

        // Public pages too know who is signed in (the header offers "Keluar"); the API's default scheme is not this one.
        if (http.User.Identity?.AuthenticationType != WebSession.Scheme && await http.AuthenticateAsync(WebSession.Scheme) is { Succeeded: true } session)
            http.User = session.Principal;
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var status = e switch
            {
                GatewayProblem problem => problem.Status,
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            };
            if (status >= 500)
                logger.LogError(e, "Page failed: {Path}", http.Request.Path);
            if (e is GatewayProblem { Status: < 500 } gatewayProblem)
                http.Items[MessageKey] = gatewayProblem.Title;
            http.Response.Clear();
            http.Response.StatusCode = status;
        }
    }
}

/// <summary>
/// The Gateway's answers that pages do not handle themselves: 401 ends the session and asks to sign in again, coming
/// back to this page; 403 is "Anda tidak berwenang"; the rest are error pages with the Gateway's message. A user still
/// on a one-time password is sent to the password change first.
/// </summary>
sealed class GatewayProblemFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = context.ActionDescriptor.ViewEnginePath;
        if ((path.StartsWith("/Pemohon/", StringComparison.Ordinal) || path.StartsWith("/Petugas/", StringComparison.Ordinal))
            && WebSession.MustChangePassword(http.User))
        {
            context.Result = new RedirectResult($"/ganti-kata-sandi?ReturnUrl={Uri.EscapeDataString(ReturnUrl(http))}");
            return;
        }

        var executed = await next();
        if (executed.Exception is not GatewayProblem problem || executed.ExceptionHandled)
            return;

        executed.ExceptionHandled = true;
        switch (problem.Status)
        {
            case StatusCodes.Status401Unauthorized:
                await WebSession.SignOutAsync(http);
                executed.Result = new RedirectResult($"/masuk?ReturnUrl={Uri.EscapeDataString(ReturnUrl(http))}");
                break;
            case StatusCodes.Status403Forbidden:
                executed.Result = new RedirectResult("/tidak-berwenang");
                break;
            default:
                if (problem.Status < 500)
                    http.Items[PageErrors.MessageKey] = problem.Title;
                executed.Result = new StatusCodeResult(problem.Status >= 500 ? StatusCodes.Status503ServiceUnavailable : problem.Status);
                break;
        }
    }

    /// <summary>Where to come back to: the page itself (a form's page shows the form again on GET).</summary>
    static string ReturnUrl(HttpContext http) => http.Request.PathBase + http.Request.Path + (HttpMethods.IsGet(http.Request.Method) ? http.Request.QueryString : default);
}

/// <summary>The stylesheet and the one small script, served from the assembly: no CDN, the same in the Web's own process and the all-in-one host.</summary>
static class Assets
{
    static readonly Dictionary<string, (byte[] Content, string Type, string ETag)> Files = Load();

    public static IResult Serve(string file, HttpContext http)
    {
        if (!Files.TryGetValue(file, out var asset))
            return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.ETag = asset.ETag;
        return http.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.Type);
    }

    static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        const string prefix = "Ptsp.Web.Assets.";
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name[prefix.Length..]] = (content, type, $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))[..16]}\"");
        }

        return files;
    }
}
