using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>SOP step 2 at the front office: pending account requests, approved (credentials go by email) or rejected with a reason.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Session.WebSession.FrontOfficePolicy)]
public sealed class PendaftaranModel(GatewayClient gateway) : FormPage
{
    [BindProperty] public Guid Id { get; set; }
    [BindProperty] public string? Alasan { get; set; }

    public IReadOnlyList<PendingRegistration> Pending { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? selesai, CancellationToken ct)
    {
        Done = selesai switch
        {
            "setuju" => "Pendaftaran disetujui. Username dan kata sandi sementara dikirim ke email pemohon.",
            "tolak" => "Pendaftaran ditolak. Pemohon diberi tahu melalui email.",
            _ => null,
        };
        Pending = await gateway.PendingRegistrationsAsync(ct);
    }

    public async Task<IActionResult> OnPostSetujuiAsync(CancellationToken ct)
    {
        await gateway.ApproveRegistrationAsync(Id, ct);
        return Redirect("/tugas/pendaftaran?selesai=setuju");
    }

    public async Task<IActionResult> OnPostTolakAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Alasan))
        {
            Pending = await gateway.PendingRegistrationsAsync(ct);
            AddError($"alasan-{Id}", "Tulis alasan penolakan untuk pemohon.");
            return Page();
        }

        await gateway.RejectRegistrationAsync(Id, Alasan.Trim(), ct);
        return Redirect("/tugas/pendaftaran?selesai=tolak");
    }
}
