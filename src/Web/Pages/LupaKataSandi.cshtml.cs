using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>"Lupa kata sandi": asks for a reset link. The page says the same whether or not the address has an account.</summary>
public sealed class LupaKataSandiModel(GatewayClient gateway) : FormPage
{
    [BindProperty] public string? Email { get; set; }

    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            AddError("email", "Isi alamat email akun Anda.");
            return Page();
        }

        try
        {
            Sent = (await gateway.RequestPasswordResetAsync(Email.Trim(), ct)).Message;
        }
        catch (GatewayProblem problem) when (problem.Status == 400)
        {
            AddErrors(problem, new Dictionary<string, string> { ["email"] = "email" }, "email");
        }

        return Page();
    }
}
