using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>"Permohonan saya": each application's status, step, whose desk it is on (from its detail) and due time.</summary>
public sealed class PermohonanSayaModel(GatewayClient gateway) : PageModel
{
    public sealed record Row(ApplicationDetail Detail, string PermitName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var types = (await gateway.PermitTypesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        var applications = await gateway.ApplicationsAsync(ct);
        var details = await Task.WhenAll(applications.Select(a => gateway.ApplicationAsync(a.ApplicationId, ct)));
        Rows = details
            .OrderByDescending(d => d.History.Count > 0 ? d.History[^1].At : DateTimeOffset.MinValue)
            .Select(d => new Row(d, types.GetValueOrDefault(d.PermitTypeCode, d.PermitTypeCode)))
            .ToList();
    }
}
