using System.Text.Json.Serialization;
using MassTransit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Sagas;

/// <summary>
/// A saga whose outgoing messages are stored in its own document, in the same write as its new state
/// (architecture.md: "state change and the messages it causes are stored together"), then dispatched by
/// the outbox dispatcher. It also remembers the ids of the messages it consumed, so a redelivered or
/// re-dispatched event is recognised and skipped (<see cref="SagaInboxFilter{TSaga}"/>).
/// </summary>
public interface ISagaOutbox
{
    /// <summary>Messages caused by the event being consumed; taken by the repository when it saves.</summary>
    [JsonIgnore]
    List<OutboxMessage> Outgoing { get; }

    /// <summary>Set by the inbox when the message being consumed is a repeat: the repository then writes nothing.</summary>
    [JsonIgnore]
    bool IsRepeat { get; set; }

    /// <summary>The most recent consumed message ids (bounded).</summary>
    List<Guid> ConsumedMessages { get; set; }
}

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
