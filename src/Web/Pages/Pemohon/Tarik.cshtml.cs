using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>"Tarik permohonan": the applicant confirms the withdrawal (with an optional reason); Workflow refuses it once a decision is signed.</summary>
public sealed class TarikModel(GatewayClient gateway) : FormPage
{
    [BindProperty] public string? Alasan { get; set; }

    public ApplicationDetail Detail { get; private set; } = null!;

    public string TypeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return ApplicantFile.CanWithdraw(Detail.Status) ? Page() : Redirect($"/permohonan/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            await gateway.WithdrawAsync(id, string.IsNullOrWhiteSpace(Alasan) ? null : Alasan.Trim(), ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            AddError("reason", problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title);
            return Page();
        }

        // The saga answers before its write lands: show the page once it reads "Dibatalkan oleh pemohon".
        var until = DateTimeOffset.UtcNow.AddSeconds(5);
        while ((await gateway.ApplicationAsync(id, ct)).Status != "Withdrawn" && DateTimeOffset.UtcNow < until)
            await Task.Delay(200, ct);
        return Redirect($"/permohonan/{id}?ditarik=1");
    }

    async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = await gateway.ApplicationAsync(id, ct);
        TypeName = (await gateway.PermitTypesAsync(ct)).FirstOrDefault(t => t.Code == Detail.PermitTypeCode)?.Name ?? Detail.PermitTypeCode;
    }
}
