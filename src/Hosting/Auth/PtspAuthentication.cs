using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Ptsp.Hosting.Auth;

public static class PtspAuthentication
{
    /// <summary>Claim set while the user still has to replace a one-time password.</summary>
    public const string PasswordChangeClaim = "pwd_change";

    /// <summary>The account's security stamp when the token was issued; the Gateway refuses a token whose stamp is no longer current.</summary>
    public const string SecurityStampClaim = "sst";

    /// <summary>
    /// Checks the access tokens Registration issues. The Gateway uses it for the public API; services use it
    /// on their internal file endpoints, to which the Gateway forwards the caller's token.
    /// </summary>
    public static IHostApplicationBuilder AddPtspAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<JwtSigningKey>();
        if (builder.Services.Any(d => d.ServiceType == typeof(PtspAuthenticationMarker)))
            return builder;
        builder.Services.AddSingleton<PtspAuthenticationMarker>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtSigningKey, TimeProvider>((options, key, time) =>
            {
                options.MapInboundClaims = false;
                options.TimeProvider = time;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtSigningKey.Issuer,
                    ValidAudience = JwtSigningKey.Audience,
                    IssuerSigningKey = key.Key,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    sealed class PtspAuthenticationMarker;
}
