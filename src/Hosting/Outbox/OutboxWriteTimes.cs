using System.Collections.Concurrent;
using System.Diagnostics;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>
/// When this process wrote each outbox message (a monotonic timestamp taken by the store right after the write), so the
/// dispatcher can tell how long the message waited before its delivery began. A message's own <see cref="OutboxMessage.CreatedAt"/>
/// is its business time (the saga's announcement carries the step's start), which says nothing about the outbox. Messages
/// written before a restart, or delivered by another replica's dispatcher, are simply not measured; the table is bounded.
/// </summary>
public static class OutboxWriteTimes
{
    const int Limit = 100_000;

    static readonly ConcurrentDictionary<Guid, long> Written = new();

    /// <summary>The store wrote these messages just now.</summary>
    public static void Stamp(IEnumerable<OutboxMessage> messages)
    {
        // Entries that another replica delivered are never taken: start again rather than grow.
        if (Written.Count > Limit)
            Written.Clear();
        var now = Stopwatch.GetTimestamp();
        foreach (var message in messages)
            Written[message.Id] = now;
    }

    /// <summary>How long ago this process wrote the message, or null when it did not (or it was taken already).</summary>
    public static TimeSpan? Take(Guid messageId) => Written.TryRemove(messageId, out var at) ? Stopwatch.GetElapsedTime(at) : null;
}
