using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ptsp.Web.Pages;

/// <summary>The friendly 403: where the cookie scheme sends a signed-in user whose role does not fit the page.</summary>
public sealed class TidakBerwenangModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
