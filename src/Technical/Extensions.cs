using MassTransit;
using Ptsp.Hosting;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Outbox;
using Ptsp.Technical.Consumers;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical;

public static class Extensions
{
    public const string Store = "technical";

    /// <summary>SOP steps 5–6: technical data, the review schedule, the inspection report (BAP) and the recommendation.</summary>
    public static IHostApplicationBuilder AddTechnicalService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        builder.AddPtspAuthentication();
        builder.AddMail();
        builder.AddOutboxCollection(Store, TechnicalStore.CasesDefinition);
        builder.Services.AddSingleton<TechnicalStore>();
        builder.Services.AddSingleton<ReviewEmails>();
        builder.ConfigureBus(bus => bus.AddTechnicalConsumers());
        return builder;
    }

    public static void AddTechnicalConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OpenTechnicalReviewConsumer, OpenTechnicalReviewConsumerDefinition>();
        bus.AddConsumer<RecordTechnicalDataConsumer>();
        bus.AddConsumer<RecordTechnicalRecommendationConsumer>();
        bus.AddConsumer<RescheduleTechnicalReviewConsumer>();
        bus.AddConsumer<GetTechnicalFileConsumer>();
        bus.AddConsumer<TechnicalApplicationWithdrawnConsumer>();
    }
}
