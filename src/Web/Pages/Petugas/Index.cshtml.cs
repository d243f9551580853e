using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>"Tugas saya": the role's worklist (GET /api/v1/tasks, oldest due first), overdue said in words.</summary>
public sealed class TugasSayaModel(GatewayClient gateway) : PageModel
{
    public sealed record Row(WorkItem Item, string PermitName, string? BusinessName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The steps present in the worklist (an officer with two roles sees two).</summary>
    public IReadOnlyList<int> Steps { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Langkah { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Terlambat { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var types = (await gateway.PermitTypesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        var all = await gateway.TasksAsync(ct);
        Steps = all.Select(t => t.Step).Distinct().Order().ToList();
        var tasks = all.Where(t => (Langkah is null || t.Step == Langkah) && (!Terlambat || t.Overdue)).ToList();
        var details = await Task.WhenAll(tasks.Select(t => gateway.ApplicationAsync(t.ApplicationId, ct)));
        Rows = tasks.Zip(details, (t, d) => new Row(t, types.GetValueOrDefault(d.PermitTypeCode, d.PermitTypeCode), d.BusinessName)).ToList();
    }
}
