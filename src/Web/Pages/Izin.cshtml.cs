using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>The start page of a permit type (ui.md): who it is for, what is needed, how long it takes.</summary>
public sealed class IzinModel(GatewayClient gateway) : PageModel
{
    public PermitType Type { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var found = (await gateway.PermitTypesAsync(ct)).FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
        if (found is null)
            return NotFound();
        Type = found;
        return Page();
    }
}
