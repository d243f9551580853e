using MassTransit;

namespace Ptsp.Hosting.Metrics;

/// <summary>
/// Records how long each message waited between its hand-over to the bus and the moment this endpoint started on it
/// (<c>ptsp_bus_queue_wait_seconds</c>), for consumers and sagas alike; MassTransit's own <c>delivery_duration</c> leaves
/// sagas out. Measured against the sender's <c>SentTime</c>, the wall clock the transport stamps, as MassTransit does.
/// </summary>
public sealed class QueueWaitFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.SentTime is { } sent)
            PtspMetrics.QueueWaited(typeof(T).Name, DateTime.UtcNow - sent);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("queueWait");
}
