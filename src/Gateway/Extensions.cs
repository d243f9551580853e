using System.Text.Json.Serialization;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Permits;
using Ptsp.Contracts.Audit;
using Ptsp.Gateway.Apis;
using Ptsp.Gateway.Audit;
using Ptsp.Gateway.Sessions;
using Ptsp.Gateway.Stream;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Scalar.AspNetCore;

namespace Ptsp.Gateway;

public static class Extensions
{
    public const string SignedIn = nameof(SignedIn);
    public const string Verifiers = nameof(Verifiers);
    const string PasswordChangeClaim = PtspAuthentication.PasswordChangeClaim;

    public static IHostApplicationBuilder AddGatewayService(this IHostApplicationBuilder builder)
    {
        builder.AddPtspAuthentication();

        builder.Services.AddAuthorizationBuilder()
            // Everything but the password change needs a user who has replaced their one-time password.
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(c => !c.User.HasClaim(PasswordChangeClaim, "true"))
                .Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Roles.OfficersPolicy, p => Active(p).RequireRole(Roles.Officers))
            .AddPolicy(Verifiers, p => Active(p).RequireRole(Roles.SectionHead, Roles.DivisionHead))
            .AddPolicy(ApplicationsApi.TechnicalReaders, p => Active(p).RequireRole(Roles.BackOffice, Roles.TechnicalTeam, Roles.SectionHead, Roles.DivisionHead,
                Roles.AgencyHead))
            .AddPolicy(ApplicationsApi.Schedulers, p => Active(p).RequireRole(Roles.BackOffice, Roles.TechnicalTeam))
            .AddPolicy(ReportsApi.Supervisors, p => Active(p).RequireRole(Roles.SectionHead, Roles.DivisionHead, Roles.AgencyHead))
            .AddPolicy(CalendarApi.Readers, p => Active(p).RequireRole(CalendarApi.ReaderRoles))
            .AddPolicy(CalendarApi.Keepers, p => Active(p).RequireRole(Roles.Administrator))
            .AddPolicy(SurveyApi.SkmReaders, p => Active(p).RequireRole(Roles.SectionHead, Roles.DivisionHead, Roles.AgencyHead, Roles.Administrator));
        foreach (var role in Roles.Officers.Append(Roles.Applicant).Append(Roles.Administrator))
            builder.Services.AddAuthorizationBuilder().AddPolicy(role, p => Active(p).RequireRole(role));

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
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<InternalServices>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddPtspRateLimits(builder.Configuration);
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.AddHostedService<SessionStampsLoader>();
        // A token whose security stamp is no longer the account's (deactivated, password reset, roles changed) is refused (ADR 0010).
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure(options =>
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
                    var user = context.Principal!;
                    if (!await stamps.AllowsAsync(user.FindFirst("sub")?.Value, user.FindFirst(PtspAuthentication.SecurityStampClaim)?.Value,
                            context.HttpContext.RequestAborted))
                        context.Fail("Sesi ini telah diakhiri; silakan masuk kembali.");
                },
            });

        builder.ConfigureBus(bus =>
        {
            var timeout = RequestTimeout.After(s: 20);
            bus.AddRequestClient<SubmitRegistration>(timeout);
            bus.AddRequestClient<ApproveRegistration>(timeout);
            bus.AddRequestClient<RejectRegistration>(timeout);
            bus.AddRequestClient<AuthenticateUser>(timeout);
            bus.AddRequestClient<ChangePassword>(timeout);
            bus.AddRequestClient<GetRegistrations>(timeout);
            bus.AddRequestClient<GetPermitTypes>(timeout);
            bus.AddRequestClient<CreateApplication>(timeout);
            bus.AddRequestClient<SubmitApplication>(timeout);
            bus.AddRequestClient<ResubmitApplication>(timeout);
            bus.AddRequestClient<UpdateApplication>(timeout);
            bus.AddRequestClient<WithdrawApplication>(timeout);
            bus.AddRequestClient<GetApplicationDocuments>(timeout);
            bus.AddRequestClient<GetBusinessData>(timeout);
            bus.AddRequestClient<GetTechnicalFile>(timeout);
            bus.AddRequestClient<RescheduleTechnicalReview>(timeout);
            bus.AddRequestClient<RecordCompletenessCheck>(timeout);
            bus.AddRequestClient<RecordTechnicalData>(timeout);
            bus.AddRequestClient<RecordTechnicalRecommendation>(timeout);
            bus.AddRequestClient<DraftDecision>(timeout);
            bus.AddRequestClient<VerifyDecision>(timeout);
            bus.AddRequestClient<SignDecision>(timeout);
            bus.AddRequestClient<GetApplicationStatus>(timeout);
            bus.AddRequestClient<GetApplications>(timeout);
            bus.AddRequestClient<GetTasks>(timeout);
            bus.AddRequestClient<GetDecisionVerification>(timeout);
            bus.AddRequestClient<GetSlaReport>(timeout);
            bus.AddRequestClient<Ptsp.Contracts.Calendar.GetCalendar>(timeout);
            bus.AddRequestClient<Ptsp.Contracts.Calendar.SetCalendarYear>(timeout);
            bus.AddRequestClient<GetTracking>(timeout);
            bus.AddRequestClient<RevokePermit>(timeout);
            bus.AddRequestClient<SubmitSurvey>(timeout);
            bus.AddRequestClient<GetSurveyInvitation>(timeout);
            bus.AddRequestClient<GetSkmReport>(timeout);
            bus.AddRequestClient<RequestPasswordReset>(timeout);
            bus.AddRequestClient<ConfirmPasswordReset>(timeout);
            bus.AddRequestClient<CreateOfficer>(timeout);
            bus.AddRequestClient<UpdateOfficer>(timeout);
            bus.AddRequestClient<DeactivateOfficer>(timeout);
            bus.AddRequestClient<ReactivateOfficer>(timeout);
            bus.AddRequestClient<ResetOfficerPassword>(timeout);
            bus.AddRequestClient<GetOfficers>(timeout);
            bus.AddRequestClient<GetSessionStamps>(timeout);
            bus.AddRequestClient<GetAuditLog>(timeout);
            bus.AddRequestClient<VerifyAuditLog>(RequestTimeout.After(s: 120));
            bus.AddConsumer<SessionsEndedConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = $"{Environment.ProcessId}-{NewId.NextGuid():N}";
            });
            // The push channel: a queue of this Gateway's own (auto-deleted), so each replica hears every change.
            bus.AddConsumer<ApplicationProgressedConsumer>().Endpoint(e =>
            {
                e.Temporary = true;
                e.InstanceId = $"{Environment.ProcessId}-{NewId.NextGuid():N}";
            });
        });
        return builder;
    }

    static Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder Active(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(c => !c.User.HasClaim(PasswordChangeClaim, "true"));

    public static WebApplication UseGateway(this WebApplication app)
    {
        // Outermost, so the recorded status is the one the user got, whatever answered (the handler, a refusal, the exception handler).
        var audit = app.Services.GetRequiredService<AuditRecorder>();
        app.Use((http, next) => audit.InvokeAsync(http, () => next(http)));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        // The one document by its literal path: an unknown name falls through to the 404 problem, not MapOpenApi's plain text.
        app.MapOpenApi("/openapi/v1.json");
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Ptsp API v1").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        // Every route declares its 401/403 (where signed in) and 503 (service not answering) problems in the OpenAPI document.
        var api = app.MapGroup("").WithGatewayProblems();
        api.MapAccountsApi();
        api.MapOfficersApi();
        api.MapApplicationsApi();
        api.MapVerificationApi();
        api.MapReportsApi();
        api.MapCalendarApi();
        api.MapStreamApi();
        api.MapTrackingApi();
        api.MapSurveyApi();
        api.MapAuditApi();
        api.MapOpsApi();
        return app;
    }
}
