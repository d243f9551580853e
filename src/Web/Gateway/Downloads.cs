using Microsoft.AspNetCore.Mvc;

namespace Ptsp.Web.Gateway;

/// <summary>A file from the Gateway relayed to the browser as it streams in (the token stays on the server).</summary>
public static class Downloads
{
    /// <summary>The types a browser may show in the page (PDF viewer, image); anything else is only ever downloaded.</summary>
    public static readonly IReadOnlySet<string> Viewable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "application/pdf", "image/png", "image/jpeg" };

    /// <summary>
    /// <paramref name="inline"/>: shown in the page (<c>Content-Disposition: inline</c>) when the Gateway's type is one the
    /// browser can view, never sniffed as anything else; otherwise an attachment as always.
    /// </summary>
    public static async Task<FileStreamResult> RelayAsync(HttpContext http, GatewayClient gateway, Guid id, string path, string fallbackName,
        string fallbackType, CancellationToken ct, bool inline = false)
    {
        var response = await gateway.DownloadAsync(id, path, ct);
        http.Response.RegisterForDispose(response);
        var disposition = response.Content.Headers.ContentDisposition;
        var type = response.Content.Headers.ContentType?.MediaType ?? fallbackType;
        var name = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? fallbackName;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (inline && Viewable.Contains(type))
        {
            var inlineDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
            inlineDisposition.SetHttpFileName(name);
            http.Response.Headers.ContentDisposition = inlineDisposition.ToString();
            http.Response.Headers.CacheControl = "private, no-store";
            return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), type);
        }

        return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), type) { FileDownloadName = name };
    }
}
