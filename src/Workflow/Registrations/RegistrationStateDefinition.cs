using MassTransit;
using Ptsp.Hosting.Sagas;

namespace Ptsp.Workflow.Registrations;

/// <summary>
/// Endpoint policy for the registration saga: one message per instance at a time (partitioned by id), and the saga inbox
/// (a message consumed once per instance: the deadline watcher may send one twice).
/// </summary>
public sealed class RegistrationStateDefinition : SagaDefinition<RegistrationState>
{
    const int ConcurrencyLimit = 16;

    /// <summary>The saga's queue, named here (as the kebab-case formatter names it) so the deadline watcher can send to it.</summary>
    public const string Queue = "registration-state";

    public static readonly Uri Address = new($"queue:{Queue}");

    public RegistrationStateDefinition() => Endpoint(e =>
    {
        e.Name = Queue;
        e.PrefetchCount = ConcurrencyLimit;
    });

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<RegistrationState> sagaConfigurator,
        IRegistrationContext context)
    {
        var partition = endpointConfigurator.CreatePartitioner(ConcurrencyLimit);
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationSubmitted>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationApproved>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
        sagaConfigurator.Message<Ptsp.Contracts.Accounts.RegistrationRejected>(x => x.UsePartitioner(partition, m => m.Message.RegistrationId));
        sagaConfigurator.Message<Ptsp.Contracts.Permits.StepDeadlineReached>(x => x.UsePartitioner(partition, m => m.Message.CorrelationId));
        sagaConfigurator.Message<Ptsp.Contracts.Calendar.RecountDueTimes>(x => x.UsePartitioner(partition, m => m.Message.CorrelationId));
        sagaConfigurator.UseFilter(new SagaInboxFilter<RegistrationState>());
    }
}
