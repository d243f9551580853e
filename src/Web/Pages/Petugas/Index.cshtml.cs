using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>
/// "Tugas saya": the role's worklist (GET /api/v1/tasks, oldest due first: each item names its permit type and business), overdue
/// said in words, <see cref="PageSize"/> files a page.
/// </summary>
public sealed class TugasSayaModel(GatewayClient gateway) : PageModel
{
    public sealed record Row(WorkItem Item, string PermitName, string? BusinessName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The steps present in the worklist (an officer with two roles sees two).</summary>
    public IReadOnlyList<int> Steps { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Langkah { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Terlambat { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int Halaman { get; set; } = 1;

    public const int PageSize = 50;

    /// <summary>How many files match the filter (all pages).</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The worklist's address with this filter on another page.</summary>
    public string PageUrl(int page) =>
        "/tugas?" + string.Join("&", new[] { Langkah is { } l ? $"langkah={l}" : null, Terlambat ? "terlambat=true" : null, $"halaman={page}" }.Where(p => p is not null));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await gateway.TasksAsync(ct);
        Steps = all.Select(t => t.Step).Distinct().Order().ToList();
        var matching = all.Where(t => (Langkah is null || t.Step == Langkah) && (!Terlambat || t.Overdue)).ToList();
        Total = matching.Count;
        Halaman = Math.Clamp(Halaman, 1, Pages);
        Rows = matching.Skip((Halaman - 1) * PageSize).Take(PageSize)
            .Select(t => new Row(t, t.PermitTypeName is { Length: > 0 } name ? name : t.PermitTypeCode, t.BusinessName)).ToList();
    }
}
