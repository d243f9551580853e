using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;
using Ptsp.Web.Session;

namespace Ptsp.Web.Pages;

/// <summary>Sign-in: the Gateway's token goes into the encrypted session cookie; a one-time password leads to its change first.</summary>
public sealed class MasukModel(GatewayClient gateway) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet()
    {
        ReturnUrl = LocalOrNull(ReturnUrl);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReturnUrl = LocalOrNull(ReturnUrl);
        if (string.IsNullOrWhiteSpace(Username))
            AddError("username", "Isi username Anda.");
        if (string.IsNullOrEmpty(Password))
            AddError("password", "Isi kata sandi Anda.");
        if (Errors.Count > 0)
            return Page();

        LoginAnswer login;
        try
        {
            login = await gateway.LoginAsync(Username!.Trim(), Password!, ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 401 or 429)
        {
            AddError("username", problem.Status == 429 ? problem.Title : "Username atau kata sandi salah.");
            return Page();
        }

        await WebSession.SignInAsync(HttpContext, login);
        if (login.MustChangePassword)
            return Redirect($"/ganti-kata-sandi{(ReturnUrl is null ? "" : $"?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}")}");
        return Redirect(ReturnUrl ?? Landing(login.Roles));
    }

    /// <summary>Where a user starts: applicants at their applications, officers at their worklist.</summary>
    public static string Landing(IReadOnlyList<string> roles) =>
        roles.Contains("Applicant") ? "/permohonan" : roles.Any(WebSession.OfficerRoles.Contains) ? "/tugas"
        : roles.Contains("Administrator") ? "/admin/petugas" : "/";

    string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
