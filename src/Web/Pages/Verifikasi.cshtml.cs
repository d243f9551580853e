using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Storage;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>Public verification by number (goes to the QR code's page) or by the PDF itself (POST /api/v1/verify).</summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class VerifikasiModel(GatewayClient gateway) : FormPage
{
    /// <summary>What the form may carry: above the API's 10 MB, so a too-large file gets its message next to its field.</summary>
    public const long UploadLimit = 25 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string? Nomor { get; set; }

    [BindProperty] public IFormFile? Berkas { get; set; }

    public VerificationVerdictView? Verdict { get; private set; }

    public IActionResult OnGet()
    {
        if (Nomor is null)
            return Page();
        if (string.IsNullOrWhiteSpace(Nomor))
        {
            AddError("nomor", "Isi nomor dokumen.");
            return Page();
        }

        return Redirect($"/verify/{Uri.EscapeDataString(Nomor.Trim())}");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Berkas is null || Berkas.Length == 0)
            AddError("berkas", "Pilih berkas PDF yang akan diperiksa.");
        else if (Berkas.Length > Uploads.TenMegabytes)
            AddError("berkas", "Berkas melebihi batas 10 MB.");
        if (Errors.Count > 0)
            return Page();

        try
        {
            await using var pdf = Berkas!.OpenReadStream();
            Verdict = await gateway.VerifyFileAsync(pdf, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 413 or 415)
        {
            AddError("berkas", problem.Status == 415 ? "Berkas ini bukan PDF. Unggah berkas PDF dokumen yang akan diperiksa." : problem.Title);
        }

        return Page();
    }
}
