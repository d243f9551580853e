using MassTransit;
using Ptsp.Hosting.Sagas;

namespace Ptsp.Workflow.Permits;

/// <summary>
/// Endpoint policy for the permit saga: the saga inbox (a message consumed once per instance). Two events for
/// one application at once collide on the saga's version and the loser retries with a fresh load.
/// </summary>
public sealed class PermitStateDefinition : SagaDefinition<PermitState>
{
    const int ConcurrencyLimit = 16;

    public PermitStateDefinition() => Endpoint(e => e.PrefetchCount = ConcurrencyLimit);

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<PermitState> sagaConfigurator,
        IRegistrationContext context)
    {
        sagaConfigurator.UseFilter(new SagaInboxFilter<PermitState>());
    }
}
