using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>"Periksa kembali" (check your answers), then submit (step 3) or resubmit after a return (step 4's loop).</summary>
public sealed class PeriksaModel(GatewayClient gateway) : FormPage
{
    public ApplicantFile Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: true, ct);
        return Application.WithApplicant ? Page() : Redirect($"/permohonan/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: true, ct);
        if (!Application.WithApplicant)
            return Redirect($"/permohonan/{id}");
        try
        {
            if (Application.IsReturned)
                await gateway.ResubmitAsync(id, ct);
            else
                await gateway.SubmitAsync(id, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            var first = Application.Type.RequiredDocuments.FirstOrDefault(d => !Application.Uploaded.GetValueOrDefault(d.Code));
            AddError(first is null ? "ajukan" : $"dokumen-{first.Code}", problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title);
            return Page();
        }

        return Redirect($"/permohonan/{id}/terkirim");
    }
}
