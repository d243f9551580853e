using MassTransit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Sagas;

public static class SagaOutbox
{
    const int Remembered = 100;

    /// <summary>Hands the saga's outgoing messages to the store (once) and forgets them.</summary>
    public static IReadOnlyList<OutboxMessage>? Take(object saga)
    {
        if (saga is not ISagaOutbox { Outgoing.Count: > 0 } outbox)
            return null;
        var messages = outbox.Outgoing.ToList();
        outbox.Outgoing.Clear();
        return messages;
    }

    public static bool HasConsumed(this ISagaOutbox saga, Guid messageId) => saga.ConsumedMessages.Contains(messageId);

    public static void RecordConsumed(this ISagaOutbox saga, Guid messageId)
    {
        saga.ConsumedMessages.Add(messageId);
        if (saga.ConsumedMessages.Count > Remembered)
            saga.ConsumedMessages.RemoveRange(0, saga.ConsumedMessages.Count - Remembered);
    }

    /// <summary>Publishes an event with the saga's next write.</summary>
    public static void Publish<T>(this ISagaOutbox saga, T message, DateTimeOffset now)
        where T : class =>
        saga.Outgoing.Add(OutboxMessage.Publish(message, now));

    /// <summary>Sends a command to a queue with the saga's next write.</summary>
    public static void Send<T>(this ISagaOutbox saga, Uri destination, T message, DateTimeOffset now)
        where T : class =>
        saga.Outgoing.Add(OutboxMessage.Send(message, destination, now));
}
