using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<PermitType> PermitTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => PermitTypes = await gateway.PermitTypesAsync(ct);
}
