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
        return await Downloads.RelayAsync(HttpContext, gateway, id, path, $"{what}-{id}.pdf", "application/pdf", ct);
    }
}
