using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow;

public static class Extensions
{
    public const string Store = "workflow";

    public static IHostApplicationBuilder AddWorkflowService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.Services.AddSingleton<RegistrationSagas>();
        builder.Services.AddSingleton<PermitSagas>();
        builder.ConfigureBus(bus => bus.AddWorkflowConsumers());
        return builder;
    }

    /// <summary>The sagas and query consumers, kept in Workflow's store.</summary>
    public static void AddWorkflowConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<RegistrationStateMachine, RegistrationState>(typeof(RegistrationStateDefinition))
            .DocumentRepository(Store, RegistrationSagas.Definition);
        bus.AddConsumer<GetRegistrationsConsumer>();
        bus.AddSagaStateMachine<PermitStateMachine, PermitState>(typeof(PermitStateDefinition))
            .DocumentRepository(Store, PermitSagas.Definition);
        bus.AddConsumer<GetApplicationStatusConsumer>();
        bus.AddConsumer<GetApplicationsConsumer>();
        bus.AddConsumer<GetTasksConsumer>();
    }
}
