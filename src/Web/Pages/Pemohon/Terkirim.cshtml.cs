using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The confirmation page. The Gateway answered 202: the new state is readable within a moment, so it waits briefly for it.</summary>
public sealed class TerkirimModel(GatewayClient gateway, TimeProvider time) : PageModel
{
    public ApplicationDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        Detail = await gateway.ApplicationAsync(id, ct);
        while (Detail.Status is "Draft" or "ReturnedToApplicant" && time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
            Detail = await gateway.ApplicationAsync(id, ct);
        }
    }
}
