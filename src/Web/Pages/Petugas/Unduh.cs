using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>An officer's downloads of a file: requirement documents, receipt, draft preview, decision (streamed from the Gateway).</summary>
public sealed class PetugasUnduhModel(GatewayClient gateway) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string what, string? code, CancellationToken ct)
    {
        var path = (what, code) switch
        {
            ("dokumen", { Length: > 0 }) => $"documents/{Uri.EscapeDataString(code)}",
            ("tanda-terima", null) => "receipt",
            ("draf", null) => "draft",
            ("keputusan", null) => "decision",
            _ => null,
        };
        if (path is null)
            return NotFound();
        var response = await gateway.DownloadAsync(id, path, ct);
        HttpContext.Response.RegisterForDispose(response);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                   ?? $"{what}-{id}";
        return File(await response.Content.ReadAsStreamAsync(ct), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", name);
    }
}
