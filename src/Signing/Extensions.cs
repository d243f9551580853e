using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Outbox;
using Ptsp.Signing.Consumers;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing;

public static class Extensions
{
    public const string Store = "signing";

    /// <summary>SOP steps 7–10: drafts, the two verifications, the head's decision and the document number.</summary>
    public static IHostApplicationBuilder AddSigningService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.AddPtspAuthentication();
        builder.AddMail();
        builder.AddOutboxCollection(Store, SigningStore.DecisionsDefinition);
        builder.Services.AddSingleton<SigningStore>();
        builder.Services.TryAddSingleton(new Ptsp.Hosting.Documents.DecisionTemplates()); // read now: a broken template stops start-up
        builder.Services.AddSingleton<DecisionEmails>();
        builder.Services.AddSingleton<SigningCredentials>();
        builder.Services.AddHostedService<SigningCredentialsWarmUp>();
        builder.ConfigureBus(bus => bus.AddSigningConsumers());
        return builder;
    }

    public static void AddSigningConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenDraftingConsumer, OpenDraftingConsumerDefinition>();
        bus.AddConsumer<DraftDecisionConsumer>();
        bus.AddConsumer<VerifyDecisionConsumer>();
        bus.AddConsumer<SignDecisionConsumer>();
        bus.AddConsumer<GetDecisionVerificationConsumer>();
        bus.AddConsumer<SigningApplicationWithdrawnConsumer>();
        bus.AddConsumer<RevokePermitConsumer>();
        bus.AddConsumer<Survey.SubmitSurveyConsumer>();
        bus.AddConsumer<Survey.RecordSurveyResponseConsumer, Survey.RecordSurveyResponseConsumerDefinition>();
        bus.AddConsumer<Survey.GetSurveyInvitationConsumer>();
        bus.AddConsumer<Survey.GetSkmReportConsumer>();
    }
}

/// <summary>
/// Loads (or, on a first run, creates: two RSA 3072 keys) the signing credentials in the background at start, so the
/// agency head's first signature does not pay for key generation inside its request's time limit.
/// </summary>
sealed class SigningCredentialsWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => services.GetRequiredService<SigningCredentials>(), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
