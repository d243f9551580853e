using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>The reset link's page: a new password with the link's single-use token.</summary>
public sealed class AturUlangKataSandiModel(GatewayClient gateway) : FormPage
{
    static readonly Dictionary<string, string> Fields = new() { ["newPassword"] = "newPassword", ["token"] = "newPassword" };

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public bool TokenRefused { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Token))
            return Page();
        if (string.IsNullOrEmpty(NewPassword))
            AddError("newPassword", "Isi kata sandi baru.");
        else if (NewPassword != ConfirmPassword)
            AddError("confirmPassword", "Ulangan kata sandi baru tidak sama.");
        if (Errors.Count > 0)
            return Page();

        try
        {
            await gateway.ConfirmPasswordResetAsync(Token, NewPassword!, ct);
            Done = true;
        }
        catch (GatewayProblem problem) when (problem.Status == 400)
        {
            TokenRefused = problem.Errors.ContainsKey("token");
            AddErrors(problem, Fields, "newPassword");
        }

        return Page();
    }
}
