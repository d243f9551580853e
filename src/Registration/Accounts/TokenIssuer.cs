using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Auth;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// Issues the access token the Gateway checks: the username, the roles, whether the password must change first, and an
/// applicant's registered email (the Gateway gives it to Intake with a new application, so the applicant is told of each step).
/// </summary>
public sealed class TokenIssuer(JwtSigningKey key, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public UserAuthenticated Issue(Account account)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, account.Username!),
            new(JwtRegisteredClaimNames.Name, account.FullName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (!string.IsNullOrEmpty(account.Email))
            claims.Add(new Claim(JwtRegisteredClaimNames.Email, account.Email));
        claims.AddRange(account.Roles.Select(r => new Claim("role", r)));
        if (account.MustChangePassword)
            claims.Add(new Claim(PtspAuthentication.PasswordChangeClaim, "true"));

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSigningKey.Issuer,
            Audience = JwtSigningKey.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = key.Credentials,
        });
        return new UserAuthenticated(token, expires, account.Username!, account.Roles, account.MustChangePassword);
    }
}
