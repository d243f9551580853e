using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The application's page: status, whose desk, due time, the clock, downloads, a return's note, and the timeline.</summary>
public sealed class DetailModel(GatewayClient gateway) : PageModel
{
    public ApplicantFile Application { get; private set; } = null!;

    public string? Notice { get; private set; }

    /// <summary>After the decision: whether the satisfaction survey (SKM) waits for the applicant's answer.</summary>
    public SurveyInvitationView? Survey { get; private set; }

    public async Task OnGetAsync(Guid id, bool diubah, bool ditarik, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: false, ct);
        Notice = ditarik ? "Permohonan Anda sudah ditarik dan tidak diproses lagi." : diubah ? "Data usaha sudah diubah." : null;
        if (Application.Detail.Decision is not null)
            Survey = await gateway.SurveyInvitationAsync(id, ct);
    }
}
