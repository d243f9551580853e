using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Session;

/// <summary>
/// The signed-in session: an encrypted, HttpOnly cookie of the Web's own scheme that carries the Gateway's access
/// token as a claim. It ends when the token does.
/// </summary>
public static class WebSession
{
    /// <summary>The Web's cookie scheme, by name: in the all-in-one host the Gateway's JWT scheme stays the default.</summary>
    public const string Scheme = "PtspWeb";

    public const string SignedInPolicy = "PtspWeb.SignedIn";
    public const string ApplicantPolicy = "PtspWeb.Applicant";
    public const string OfficerPolicy = "PtspWeb.Officer";
    public const string FrontOfficePolicy = "PtspWeb.FrontOffice";
    public const string AdministratorPolicy = "PtspWeb.Administrator";

    const string AccessTokenClaim = "ptsp_access_token";
    const string PasswordChangeClaim = "ptsp_password_change";
    const string RoleClaim = "role";
    const string NameClaim = "name";

    public static readonly IReadOnlyList<string> OfficerRoles = ["FrontOffice", "BackOffice", "TechnicalTeam", "SectionHead", "DivisionHead", "AgencyHead"];

    public static string? AccessToken(ClaimsPrincipal? user) => user?.FindFirst(AccessTokenClaim)?.Value;

    /// <summary>The one-time password is still in use: the token only allows the password change.</summary>
    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(PasswordChangeClaim, "true");

    public static bool IsOfficer(ClaimsPrincipal user) => OfficerRoles.Any(user.IsInRole);

    public static async Task SignInAsync(HttpContext http, LoginAnswer login)
    {
        var claims = new List<Claim>
        {
            new(NameClaim, login.Username),
            new(AccessTokenClaim, login.AccessToken),
        };
        claims.AddRange(login.Roles.Select(r => new Claim(RoleClaim, r)));
        if (login.MustChangePassword)
            claims.Add(new Claim(PasswordChangeClaim, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, NameClaim, RoleClaim));
        await http.SignInAsync(Scheme, principal, new AuthenticationProperties
        {
            // The cookie lives exactly as long as the token inside it.
            IsPersistent = true,
            ExpiresUtc = login.ExpiresAt,
            AllowRefresh = false,
        });
        http.User = principal;
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "ptsp_sesi";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.SlidingExpiration = false;
        options.LoginPath = "/masuk";
        options.LogoutPath = "/keluar";
        options.AccessDeniedPath = "/tidak-berwenang";
        options.ReturnUrlParameter = "ReturnUrl";
    }
}
