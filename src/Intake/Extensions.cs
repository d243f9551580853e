using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Outbox;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;
using Ptsp.Intake.Consumers;

namespace Ptsp.Intake;

public static class Extensions
{
    public const string Store = "intake";

    /// <summary>SOP steps 3–4: the catalogue, applications, documents, the completeness check and the receipt number.</summary>
    public static IHostApplicationBuilder AddIntakeService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.AddPtspAuthentication();
        builder.AddMail();
        builder.AddOutboxCollection(Store, IntakeStore.ApplicationsDefinition);
        builder.Services.AddSingleton<PermitCatalogue>();
        builder.Services.TryAddSingleton(new Ptsp.Hosting.Documents.DecisionTemplates()); // read now: a broken template stops start-up
        builder.Services.AddSingleton<ApplicantEmails>();
        builder.Services.AddSingleton<IntakeStore>();
        builder.ConfigureBus(bus => bus.AddIntakeConsumers());
        return builder;
    }

    public static void AddIntakeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GetPermitTypesConsumer>();
        bus.AddConsumer<CreateApplicationConsumer>();
        bus.AddConsumer<SubmitApplicationConsumer>();
        bus.AddConsumer<ResubmitApplicationConsumer>();
        bus.AddConsumer<RecordCompletenessCheckConsumer>();
        bus.AddConsumer<UpdateApplicationConsumer>();
        bus.AddConsumer<GetApplicationDocumentsConsumer>();
        bus.AddConsumer<GetBusinessDataConsumer>();
        bus.AddConsumer<ApplicationWithdrawnConsumer>();
    }
}
