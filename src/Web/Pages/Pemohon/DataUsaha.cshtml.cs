using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The wizard's second page: the business data; saving it creates the draft (POST /api/v1/applications).</summary>
public sealed class DataUsahaModel(GatewayClient gateway) : FormPage
{
    static readonly Dictionary<string, string> Fields = new()
    {
        ["businessName"] = "businessName",
        ["businessAddress"] = "businessAddress",
        ["description"] = "description",
    };

    [BindProperty(SupportsGet = true)] public string? Jenis { get; set; }
    [BindProperty] public string? BusinessName { get; set; }
    [BindProperty] public string? BusinessAddress { get; set; }
    [BindProperty] public string? Description { get; set; }

    public PermitType Type { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await FindTypeAsync(ct) ? Page() : Redirect("/permohonan/baru");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await FindTypeAsync(ct))
            return Redirect("/permohonan/baru");
        try
        {
            var created = await gateway.CreateApplicationAsync(new NewApplication(Type.Code, (BusinessName ?? "").Trim(), (BusinessAddress ?? "").Trim(),
                (Description ?? "").Trim()), ct);
            // The next page reads the new draft back; it is shown once the API can show it.
            await gateway.ApplicationWhenReadableAsync(created.ApplicationId, ct);
            return Redirect($"/permohonan/{created.ApplicationId}/dokumen");
        }
        catch (GatewayProblem problem) when (problem.Status == 400)
        {
            AddErrors(problem, Fields, "businessName");
            return Page();
        }
    }

    async Task<bool> FindTypeAsync(CancellationToken ct)
    {
        var found = (await gateway.PermitTypesAsync(ct)).FirstOrDefault(t => t.Code == Jenis);
        Type = found!;
        return found is not null;
    }
}
