using System.Text.Json.Serialization;
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
