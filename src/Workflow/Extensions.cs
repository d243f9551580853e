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
        builder.ConfigureBus(bus =>
        {
            bus.AddSagaStateMachine<RegistrationStateMachine, RegistrationState>(typeof(RegistrationStateDefinition))
                .DocumentRepository(Store, RegistrationSagas.Definition);
            bus.AddConsumer<GetRegistrationsConsumer>();
        });
        return builder;
    }
}
