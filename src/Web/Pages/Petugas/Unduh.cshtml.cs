using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>
/// An officer's downloads of a file: requirement documents, receipt, BAP, draft preview, decision (streamed from the Gateway);
/// with <c>?lihat=true</c> a PDF or image is served inline, for the file page's viewer.
/// </summary>
public sealed class PetugasUnduhModel(GatewayClient gateway) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string what, string? code, bool lihat, CancellationToken ct)
    {
        var path = (what, code) switch
        {
            ("dokumen", { Length: > 0 }) => $"documents/{Uri.EscapeDataString(code)}",
            ("tanda-terima", null) => "receipt",
            ("draf", null) => "draft",
            ("keputusan", null) => "decision",
            ("bap", null) => "inspection-report",
            _ => null,
        };
        if (path is null)
            return NotFound();
        return await Downloads.RelayAsync(HttpContext, gateway, id, path, $"{what}-{id}", "application/octet-stream", ct, inline: lihat);
    }
}
