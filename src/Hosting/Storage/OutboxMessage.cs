using System.Text.Json;

namespace Ptsp.Hosting.Storage;

/// <summary>
/// A message caused by a document change, stored inside that document until it is dispatched.
/// <see cref="Kind"/> picks the dispatcher ("publish", "send", "mail"); <see cref="Id"/> becomes the
/// MessageId, so a message dispatched twice (crash after sending, before acknowledging) is recognisable.
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

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public object Deserialize(out Type type)
    {
        type = System.Type.GetType(Type, throwOnError: true)!;
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
}

public sealed record PendingOutbox(string DocumentId, IReadOnlyList<OutboxMessage> Messages);
