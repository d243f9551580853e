namespace Ptsp.Hosting.Storage;

/// <summary>A collection's undelivered outbox: how many documents and messages, and since when the oldest waits (null: nothing waits).</summary>
public sealed record OutboxBacklog(long Documents, long Messages, DateTimeOffset? OldestSince)
{
    public static readonly OutboxBacklog None = new(0, 0, null);
}
