using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Gateway.Apis;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Scalar.AspNetCore;

namespace Ptsp.Gateway;

public static class Extensions
{
    public const string SignedIn = nameof(SignedIn);
    public const string PasswordChangeClaim = "pwd_change";

    public static IHostApplicationBuilder AddGatewayService(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<JwtSigningKey>();
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

        builder.Services.AddAuthorizationBuilder()
            // Everything but the password change needs a user who has replaced their one-time password.
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(c => !c.User.HasClaim(PasswordChangeClaim, "true"))
                .Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Roles.FrontOffice, p => p.RequireAuthenticatedUser().RequireRole(Roles.FrontOffice)
                .RequireAssertion(c => !c.User.HasClaim(PasswordChangeClaim, "true")));

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
        // Unreadable bodies throw, so the exception handler answers them with a Bahasa Indonesia problem.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();

        builder.ConfigureBus(bus =>
        {
            var timeout = RequestTimeout.After(s: 20);
            bus.AddRequestClient<SubmitRegistration>(timeout);
            bus.AddRequestClient<ApproveRegistration>(timeout);
            bus.AddRequestClient<RejectRegistration>(timeout);
            bus.AddRequestClient<AuthenticateUser>(timeout);
            bus.AddRequestClient<ChangePassword>(timeout);
            bus.AddRequestClient<GetRegistrations>(timeout);
        });
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Ptsp API v1").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapAccountsApi();
        return app;
    }
}
