using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>The applicant edits the business data while the file is with them (PUT /api/v1/applications/{id}; Intake refuses otherwise).</summary>
public sealed class UbahModel(GatewayClient gateway) : FormPage
{
    static readonly Dictionary<string, string> Fields = new()
    {
        ["businessName"] = "businessName",
        ["businessAddress"] = "businessAddress",
        ["description"] = "description",
    };

    [BindProperty] public string? BusinessName { get; set; }
    [BindProperty] public string? BusinessAddress { get; set; }
    [BindProperty] public string? Description { get; set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var detail = await gateway.ApplicationAsync(id, ct);
        if (detail.Status is not ("Draft" or "ReturnedToApplicant"))
            return Redirect($"/permohonan/{id}");
        var data = await gateway.BusinessDataAsync(id, ct);
        (BusinessName, BusinessAddress, Description) = (data.BusinessName, data.BusinessAddress, data.Description);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        try
        {
            await gateway.UpdateApplicationAsync(id, (BusinessName ?? "").Trim(), (BusinessAddress ?? "").Trim(), (Description ?? "").Trim(), ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            AddErrors(problem, Fields, "businessName");
            return Page();
        }

        // Workflow takes the new name in a moment later: the application's page shows it once it has.
        var until = DateTimeOffset.UtcNow.AddSeconds(5);
        while ((await gateway.ApplicationAsync(id, ct)).BusinessName != BusinessName!.Trim() && DateTimeOffset.UtcNow < until)
            await Task.Delay(200, ct);
        return Redirect($"/permohonan/{id}?diubah=1");
    }
}
