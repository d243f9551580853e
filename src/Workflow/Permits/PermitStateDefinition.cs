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

    /// <summary>The saga's queue, named here (as the kebab-case formatter names it) so the deadline watcher can send to it.</summary>
    public const string Queue = "permit-state";

    public static readonly Uri Address = new($"queue:{Queue}");

    public PermitStateDefinition() => Endpoint(e =>
    {
        e.Name = Queue;
        e.PrefetchCount = ConcurrencyLimit;
    });

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<PermitState> sagaConfigurator,
        IRegistrationContext context)
    {
        sagaConfigurator.UseFilter(new SagaInboxFilter<PermitState>());
    }
}
