namespace Ptsp.Hosting.Storage;

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
