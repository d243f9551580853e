using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ptsp.Web.Session;

namespace Ptsp.Web.Pages;

/// <summary>Sign-out is a POST (with its antiforgery token), so a link elsewhere cannot sign anyone out.</summary>
public sealed class KeluarModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await WebSession.SignOutAsync(HttpContext);
        return Redirect("/keluar");
    }
}
