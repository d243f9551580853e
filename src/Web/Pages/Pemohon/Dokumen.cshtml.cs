using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The task list of the requirement documents (ui.md): which are in, which a return asks to replace.</summary>
public sealed class DokumenModel(GatewayClient gateway) : PageModel
{
    public ApplicantFile Application { get; private set; } = null!;

    public string? JustUploaded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? diunggah, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: true, ct);
        JustUploaded = Application.Type.RequiredDocuments.FirstOrDefault(d => d.Code == diunggah)?.Name;
        return Page();
    }
}
