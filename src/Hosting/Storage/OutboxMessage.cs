using System.Text.Json;

namespace Ptsp.Hosting.Storage;

/// <summary>
/// A message caused by a document change, stored inside that document until it is dispatched.
/// <see cref="Kind"/> picks the dispatcher ("publish", "send", "mail"); <see cref="Id"/> becomes the
/// MessageId, so a message dispatched twice (crash after sending, before acknowledging) is recognisable.
/// <see cref="Type"/> is the message's URN (<see cref="MessageTypes"/>, ADR 0014); entries written before carry an
/// assembly-qualified type name and are still read.
/// </summary>
public sealed record OutboxMessage(Guid Id, string Kind, string Type, string Body, string? Destination, DateTimeOffset CreatedAt)
{
    public const string PublishKind = "publish";
    public const string SendKind = "send";

    public static OutboxMessage Publish<T>(T message, DateTimeOffset now, Guid? id = null)
        where T : class =>
        new(id ?? Guid.NewGuid(), PublishKind, TypeName(typeof(T)), JsonSerializer.Serialize(message, StorageJson.Options), null, now);

    public static OutboxMessage Send<T>(T message, Uri destination, DateTimeOffset now, Guid? id = null)
        where T : class =>
        new(id ?? Guid.NewGuid(), SendKind, TypeName(typeof(T)), JsonSerializer.Serialize(message, StorageJson.Options), destination.ToString(), now);

    /// <summary>The name a message type is stored under: its message URN.</summary>
    public static string TypeName(Type type) => MessageTypes.UrnOf(type);

    /// <summary>Whether this message is a <typeparamref name="T"/>.</summary>
    public bool Is<T>() => MessageTypes.Names<T>(Type);

    public object Deserialize(out Type type)
    {
        type = MessageTypes.Resolve(Type);
        return JsonSerializer.Deserialize(Body, type, StorageJson.Options)!;
    }
}

/// <summary>A collection whose documents may carry outbox messages.</summary>
public interface IOutboxSource
{
    string CollectionName { get; }

    /// <summary>Documents that still hold messages, oldest first.</summary>
    Task<IReadOnlyList<PendingOutbox>> PendingOutboxAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes dispatched messages from a document. Does not change its version.</summary>
    Task AcknowledgeAsync(string id, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default);

    /// <summary>What waits: documents, messages and the oldest pending time, in one read over the pending index (for /metrics).</summary>
    Task<OutboxBacklog> OutboxBacklogAsync(CancellationToken cancellationToken = default);
}

public sealed record PendingOutbox(string DocumentId, IReadOnlyList<OutboxMessage> Messages);

/// <summary>A collection's undelivered outbox: how many documents and messages, and since when the oldest waits (null: nothing waits).</summary>
public sealed record OutboxBacklog(long Documents, long Messages, DateTimeOffset? OldestSince)
{
    public static readonly OutboxBacklog None = new(0, 0, null);
}
