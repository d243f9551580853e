using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ptsp.Hosting;

/// <summary>
/// Security headers on every response of every Ptsp process (issue 14, point 6; ADR 0013), first in the pipeline so that
/// refusals (429, 401, problem details of the exception handler) carry them too. Pages get a Content-Security-Policy
/// that allows only this origin's own files: the web application has no inline script or style and no CDN.
/// </summary>
public sealed class SecurityHeaders : IStartupFilter
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Everything that is not a page (JSON, PDFs, files): never framed. (No default-src here: browsers' PDF viewers load their own parts.)</summary>
    public const string ResourcePolicy = "frame-ancestors 'none'";

    /// <summary>
    /// A file the web application shows inside its own page (an officer viewing an uploaded PDF, <c>Content-Disposition: inline</c>):
    /// framed by this origin only, never by another site.
    /// </summary>
    public const string InlineFilePolicy = "frame-ancestors 'self'";

    /// <summary>The API reference is a third-party page (Scalar) with inline script: it may not be framed, and is otherwise left as it is.</summary>
    const string ApiReference = "/api-reference";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                var inlineFile = headers.ContentDisposition.ToString().StartsWith("inline", StringComparison.OrdinalIgnoreCase);
                headers.XFrameOptions = inlineFile ? "SAMEORIGIN" : "DENY";
                var html = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = html && !context.Request.Path.StartsWithSegments(ApiReference, StringComparison.OrdinalIgnoreCase)
                    ? PagePolicy
                    : inlineFile ? InlineFilePolicy : ResourcePolicy;
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
