using Microsoft.Extensions.DependencyInjection.Extensions;
using Ptsp.Contracts;
using Ptsp.Hosting;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Outbox;
using Ptsp.Contracts.Audit;
using Ptsp.Registration.Accounts;
using Ptsp.Registration.Audit;
using Ptsp.Registration.Consumers;

namespace Ptsp.Registration;

public static class Extensions
{
    public const string Store = "registration";

    /// <summary>Everything the Registration service is, for its own host and for the all-in-one host.</summary>
    public static IHostApplicationBuilder AddRegistrationService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.AddMail();
        builder.AddOutboxCollection(Store, AccountStore.AccountsDefinition);
        builder.Services.AddSingleton<AccountStore>();
        PasswordOptions.Add(builder);
        builder.Services.TryAddSingleton<JwtSigningKey>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<OfficerEmails>();
        builder.Services.AddHostedService<OfficerSeeder>();
        builder.Services.AddSingleton<AuditLog>();
        builder.ConfigureBus(bus =>
        {
            bus.AddConsumer<SubmitRegistrationConsumer>();
            bus.AddConsumer<ApproveRegistrationConsumer>();
            bus.AddConsumer<RejectRegistrationConsumer>();
            bus.AddConsumer<AuthenticateUserConsumer>();
            bus.AddConsumer<ChangePasswordConsumer>();
            bus.AddConsumer<RequestPasswordResetConsumer>();
            bus.AddConsumer<ConfirmPasswordResetConsumer>();
            bus.AddConsumer<CreateOfficerConsumer>();
            bus.AddConsumer<UpdateOfficerConsumer>();
            bus.AddConsumer<DeactivateOfficerConsumer>();
            bus.AddConsumer<ReactivateOfficerConsumer>();
            bus.AddConsumer<ResetOfficerPasswordConsumer>();
            bus.AddConsumer<GetOfficersConsumer>();
            bus.AddConsumer<GetSessionStampsConsumer>();
            // The audit log's keeper (ADR 0015): the Gateway sends each user action to this queue.
            bus.AddConsumer<RecordAuditEntryConsumer>().Endpoint(e => e.Name = AuditQueues.Record);
            bus.AddConsumer<GetAuditLogConsumer>();
            bus.AddConsumer<VerifyAuditLogConsumer>();
        });
        return builder;
    }
}
