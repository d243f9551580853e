using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow;

public static class Extensions
{
    public const string Store = "workflow";

    public static IHostApplicationBuilder AddWorkflowService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.Services.AddSingleton<RegistrationSagas>();
        builder.ConfigureBus(bus => bus.AddWorkflowConsumers());
        return builder;
    }

    /// <summary>The sagas and query consumers, kept in Workflow's store.</summary>
    public static void AddWorkflowConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<RegistrationStateMachine, RegistrationState>(typeof(RegistrationStateDefinition))
            .DocumentRepository(Store, RegistrationSagas.Definition);
        bus.AddConsumer<GetRegistrationsConsumer>();
    }
}
