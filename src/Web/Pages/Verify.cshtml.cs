using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>The page a signed document's QR code opens (the URL is printed on the documents: it must not change).</summary>
public sealed class VerifyModel(GatewayClient gateway) : PageModel
{
    public string DocumentNumber { get; private set; } = "";

    public VerificationAnswer? Found { get; private set; }

    public async Task OnGetAsync(string? documentNumber, CancellationToken ct)
    {
        // Numbers contain "/": the route is a catch-all, and a number sent as %2F arrives still encoded.
        DocumentNumber = Uri.UnescapeDataString(documentNumber ?? "");
        Found = DocumentNumber.Length == 0 ? null : await gateway.VerifyNumberAsync(DocumentNumber, ct);
        if (Found is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
