using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>Streams the receipt or the signed decision from the Gateway to the browser (the token never reaches the browser).</summary>
public sealed class UnduhModel(GatewayClient gateway) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string what, CancellationToken ct)
    {
        var path = what switch
        {
            "tanda-terima" => "receipt",
            "keputusan" => "decision",
            _ => null,
        };
        if (path is null)
            return NotFound();
        var response = await gateway.DownloadAsync(id, path, ct);
        HttpContext.Response.RegisterForDispose(response);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                   ?? $"{what}-{id}.pdf";
        return File(await response.Content.ReadAsStreamAsync(ct), response.Content.Headers.ContentType?.MediaType ?? "application/pdf", name);
    }
}
