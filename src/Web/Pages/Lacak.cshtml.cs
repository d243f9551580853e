using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>Public tracking by receipt number (GET /api/v1/track/{number}): no account, no names.</summary>
public sealed class LacakModel(GatewayClient gateway) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? Nomor { get; set; }

    public TrackingAnswer? Found { get; private set; }

    public bool Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The form sent (even empty: model binding turns "" into null) or just the page.
        if (!Request.Query.ContainsKey("nomor"))
            return Page();
        Nomor = (Nomor ?? "").Trim();
        if (Nomor.Length == 0)
        {
            AddError("nomor", "Isi nomor tanda terima.");
            return Page();
        }

        if (Nomor.Length > 64)
        {
            AddError("nomor", "Nomor tanda terima paling panjang 64 karakter.");
            return Page();
        }

        try
        {
            Found = await gateway.TrackAsync(Nomor, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        }
        catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status429TooManyRequests)
        {
            AddError("nomor", "Terlalu banyak pelacakan dari alamat Anda. Silakan coba lagi beberapa menit lagi.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (Found is null)
        {
            Unknown = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
