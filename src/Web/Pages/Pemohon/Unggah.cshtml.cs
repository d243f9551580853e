using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Storage;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>One requirement document, its own form (PUT /api/v1/applications/{id}/documents/{code}); its errors stay on it.</summary>
[RequestSizeLimit(VerifikasiModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = VerifikasiModel.UploadLimit)]
public sealed class UnggahModel(GatewayClient gateway) : FormPage
{
    [BindProperty] public IFormFile? Berkas { get; set; }

    public ApplicantFile Application { get; private set; } = null!;

    public RequirementInfoView Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string code, CancellationToken ct) => await LoadAsync(id, code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string code, CancellationToken ct)
    {
        if (await LoadAsync(id, code, ct) is { } elsewhere)
            return elsewhere;
        if (Berkas is null || Berkas.Length == 0)
            AddError("berkas", $"Pilih berkas {Document.Name} yang akan diunggah.");
        else if (Berkas.Length > Uploads.TenMegabytes)
            AddError("berkas", "Berkas melebihi batas 10 MB. Perkecil atau pindai ulang dengan resolusi lebih rendah.");
        if (Errors.Count > 0)
            return Page();

        try
        {
            await using var content = Berkas!.OpenReadStream();
            await gateway.UploadDocumentAsync(id, Document.Code, content, string.IsNullOrEmpty(Berkas.ContentType) ? "application/octet-stream" : Berkas.ContentType, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 413 or 415)
        {
            AddError("berkas", problem.Status == 415
                ? "Jenis berkas tidak didukung. Unggah berkas PDF, JPEG atau PNG."
                : problem.Title);
            return Page();
        }

        return Redirect($"/permohonan/{id}/dokumen?diunggah={Uri.EscapeDataString(Document.Code)}");
    }

    async Task<IActionResult?> LoadAsync(Guid id, string code, CancellationToken ct)
    {
        Application = await ApplicantFile.LoadAsync(gateway, id, withDocuments: true, ct);
        var document = Application.Type.RequiredDocuments.FirstOrDefault(d => d.Code == code);
        if (document is null)
            return NotFound();
        Document = document;
        // Once submitted, documents are the agency's to check, not to replace.
        return Application.WithApplicant ? null : Redirect($"/permohonan/{id}");
    }
}
