using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Admin;

/// <summary>The administrator's list of officer accounts (issue 10).</summary>
public sealed class PetugasModel(GatewayClient gateway) : PageModel
{
    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? selesai, CancellationToken ct)
    {
        Done = selesai switch
        {
            "baru" => "Akun petugas dibuat. Username dan kata sandi sementara dikirim ke email petugas.",
            _ => null,
        };
        Officers = await gateway.OfficersAsync(ct);
    }
}
