using Microsoft.AspNetCore.Mvc;

namespace Ptsp.Web.Gateway;

/// <summary>A file from the Gateway relayed to the browser as it streams in (the token stays on the server).</summary>
public static class Downloads
{
    public static async Task<FileStreamResult> RelayAsync(HttpContext http, GatewayClient gateway, Guid id, string path, string fallbackName,
        string fallbackType, CancellationToken ct)
    {
        var response = await gateway.DownloadAsync(id, path, ct);
        http.Response.RegisterForDispose(response);
        var disposition = response.Content.Headers.ContentDisposition;
        return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), response.Content.Headers.ContentType?.MediaType ?? fallbackType)
        {
            FileDownloadName = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? fallbackName,
        };
    }
}
