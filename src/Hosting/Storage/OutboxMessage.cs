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
