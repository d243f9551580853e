using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow;

public static class Extensions
{
    public const string Store = "workflow";

    public static IHostApplicationBuilder AddWorkflowService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.AddMail();
        EscalationOptions.AddEscalationOptions(builder);
        builder.Services.AddSingleton<Escalation>();
        builder.Services.AddSingleton<DeadlineAlerts>();
        builder.Services.AddSingleton<DeadlineWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        builder.Services.AddSingleton<RegistrationSagas>();
        builder.Services.AddSingleton<PermitSagas>();
        builder.Services.AddSingleton<Calendar.AgencyCalendar>();
        builder.Services.AddSingleton<Calendar.DueTimeRecount>();
        builder.Services.AddSingleton<OfficerDirectory>();
        // The permit SOP's metrics, from what the saga stores (ADR 0016).
        builder.Services.AddSingleton<ISagaWriteObserver<PermitState>, PermitMetrics>();
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
        bus.AddConsumer<GetSlaReportConsumer>();
        bus.AddConsumer<Calendar.GetCalendarConsumer>();
        bus.AddConsumer<Calendar.GetCalendarInForceConsumer>();
        bus.AddConsumer<Calendar.SetCalendarYearConsumer>();
        bus.AddConsumer<Calendar.RecomputeDueTimesConsumer>();
        bus.AddConsumer<GetTrackingConsumer>();
        bus.AddConsumer<OfficerChangedConsumer>();
    }
}
