using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;
using Ptsp.Web.Session;

namespace Ptsp.Web.Pages;

/// <summary>
/// The password change (forced at the first sign-in, when the token allows nothing else). Afterwards the user is
/// signed in again with the new password, so the session's token is a full one.
/// </summary>
public sealed class GantiKataSandiModel(GatewayClient gateway) : FormPage
{
    static readonly Dictionary<string, string> Fields = new() { ["currentPassword"] = "currentPassword", ["newPassword"] = "newPassword" };

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool FirstTime => WebSession.MustChangePassword(User);

    public void OnGet() => ReturnUrl = LocalOrNull(ReturnUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReturnUrl = LocalOrNull(ReturnUrl);
        if (string.IsNullOrEmpty(CurrentPassword))
            AddError("currentPassword", "Isi kata sandi saat ini.");
        if (string.IsNullOrEmpty(NewPassword))
            AddError("newPassword", "Isi kata sandi baru.");
        else if (NewPassword != ConfirmPassword)
            AddError("confirmPassword", "Ulangan kata sandi baru tidak sama.");
        if (Errors.Count > 0)
            return Page();

        try
        {
            await gateway.ChangePasswordAsync(CurrentPassword!, NewPassword!, ct);
        }
        catch (GatewayProblem problem) when (problem.Status == 400)
        {
            AddErrors(problem, Fields, "newPassword");
            return Page();
        }

        var login = await gateway.LoginAsync(User.Identity!.Name!, NewPassword!, ct);
        await WebSession.SignInAsync(HttpContext, login);
        return Redirect(ReturnUrl ?? MasukModel.Landing(login.Roles));
    }

    string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
