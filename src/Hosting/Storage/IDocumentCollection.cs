namespace Ptsp.Hosting.Storage;

public interface IDocumentCollection<T> : IOutboxSource
    where T : class
{
    Task<Stored<T>?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Stored<T>>> QueryAsync(Query query, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new document at version 1.</summary>
    /// <exception cref="DuplicateDocumentException">the id, or a unique index, is taken.</exception>
    Task<long> InsertAsync(string id, T document, IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document if it is still at <paramref name="expectedVersion"/>; appends <paramref name="outbox"/> to its pending messages.</summary>
    /// <returns>The new version.</returns>
    /// <exception cref="ConcurrencyConflictException">someone else changed or deleted it first.</exception>
    /// <exception cref="DuplicateDocumentException">the change collides with a unique index.</exception>
    Task<long> ReplaceAsync(string id, T document, long expectedVersion, IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken cancellationToken = default);

    /// <exception cref="ConcurrencyConflictException">someone else changed or deleted it first.</exception>
    Task DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default);
}
