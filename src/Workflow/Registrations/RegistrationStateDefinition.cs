using MassTransit;

namespace Ptsp.Workflow.Registrations;

/// <summary>Endpoint policy for the registration saga: one message per instance at a time (partitioned by id).</summary>
public sealed class RegistrationStateDefinition : SagaDefinition<RegistrationState>
{
    const int ConcurrencyLimit = 16;

    public RegistrationStateDefinition() => Endpoint(e => e.PrefetchCount = ConcurrencyLimit);

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<RegistrationState> sagaConfigurator,
        IRegistrationContext context)
    {
        var partition = endpointConfigurator.CreatePartitioner(ConcurrencyLimit);
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationSubmitted>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationApproved>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationRejected>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
    }
}
