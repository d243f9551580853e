using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages;

/// <summary>SOP step 1: the applicant registers (POST /api/v1/registrations).</summary>
public sealed class DaftarModel(GatewayClient gateway) : FormPage
{
    static readonly Dictionary<string, string> Fields = new()
    {
        ["fullName"] = "fullName",
        ["nik"] = "nik",
        ["email"] = "email",
        ["phone"] = "phone",
        ["address"] = "address",
        ["npwp"] = "npwp",
    };

    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Nik { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Npwp { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await gateway.RegisterAsync(new RegistrationForm((FullName ?? "").Trim(), (Nik ?? "").Trim(), (Email ?? "").Trim(), (Phone ?? "").Trim(),
                (Address ?? "").Trim(), string.IsNullOrWhiteSpace(Npwp) ? null : Npwp.Trim()), ct);
        }
        catch (GatewayProblem problem) when (problem.Status is 400 or 409)
        {
            // A duplicate (409) names no field: it is about the NIK or the email, which the message says.
            AddErrors(problem, Fields, problem.Title.Contains("email", StringComparison.OrdinalIgnoreCase) ? "email" : "nik");
            return Page();
        }

        return RedirectToPage("/DaftarTerkirim", new { email = Email?.Trim() });
    }
}
