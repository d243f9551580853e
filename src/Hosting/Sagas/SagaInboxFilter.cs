using MassTransit;

namespace Ptsp.Hosting.Sagas;

/// <summary>Skips a message the saga instance has already consumed (same MessageId); records the others.</summary>
public sealed class SagaInboxFilter<TSaga> : IFilter<SagaConsumeContext<TSaga>>
    where TSaga : class, ISaga, ISagaOutbox
{
    public async Task Send(SagaConsumeContext<TSaga> context, IPipe<SagaConsumeContext<TSaga>> next)
    {
        if (context.MessageId is { } id)
        {
            if (context.Saga.HasConsumed(id))
            {
                context.Saga.IsRepeat = true;
                return;
            }
            context.Saga.RecordConsumed(id);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("sagaInbox");
}
