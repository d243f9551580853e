using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The wizard's first page (one thing per page): the permit type.</summary>
public sealed class BaruModel(GatewayClient gateway) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Jenis { get; set; }

    public IReadOnlyList<PermitType> PermitTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => PermitTypes = await gateway.PermitTypesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PermitTypes = await gateway.PermitTypesAsync(ct);
        var chosen = PermitTypes.FirstOrDefault(t => t.Code == Jenis);
        if (chosen is null)
        {
            AddError("jenis-0", "Pilih jenis izin yang Anda ajukan.");
            return Page();
        }

        return Redirect($"/permohonan/baru/data-usaha?jenis={Uri.EscapeDataString(chosen.Code)}");
    }
}
