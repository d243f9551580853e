using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Auth;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// Issues the access token the Gateway checks: the username, the roles, whether the password must change first, and an
/// applicant's registered email (the Gateway gives it to Intake with a new application, so the applicant is told of each step).
/// Officers' tokens also carry <c>nip</c>, <c>position</c> (as printed on documents; "Plt. …" while acting), a section head's
/// <c>sector</c>s, and the account's security stamp (<c>sst</c>) the Gateway checks to end older sessions (ADR 0010).
/// A token never outlives the start or end of an acting appointment, so the role it carries is the one of its time.
/// </summary>
public sealed class TokenIssuer(JwtSigningKey key, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    public const string NipClaim = "nip";
    public const string PositionClaim = "position";

    public UserAuthenticated Issue(Account account)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        if (OfficerValidator.NextAppointmentChange(account, now) is { } change && change < expires)
            expires = change;
        var roles = OfficerValidator.RolesAt(account, now);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, account.Username!),
            new(JwtRegisteredClaimNames.Name, account.FullName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (!string.IsNullOrEmpty(account.Email))
            claims.Add(new Claim(JwtRegisteredClaimNames.Email, account.Email));
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (!string.IsNullOrEmpty(account.Nip))
            claims.Add(new Claim(NipClaim, account.Nip));
        if (account.IsOfficer && OfficerValidator.PositionAt(account, now) is { } position)
            claims.Add(new Claim(PositionClaim, position));
        if (roles.Contains(Roles.SectionHead))
            claims.AddRange(account.Sectors.Select(s => new Claim(Sectors.Claim, s)));
        if (account.SecurityStamp is { } stamp)
            claims.Add(new Claim(PtspAuthentication.SecurityStampClaim, stamp));
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
        return new UserAuthenticated(token, expires, account.Username!, roles, account.MustChangePassword);
    }
}
