namespace Ptsp.Hosting.Storage;

/// <summary>
/// The storage port: one database per service, holding collections of JSON documents. Each document
/// carries a version (optimistic concurrency) and its own outbox: the messages its last changes caused,
/// written atomically with it and dispatched afterwards (architecture.md, "Rules of the road").
/// Two adapters implement it: <see cref="Sqlite.SqliteDocumentStore"/> and <see cref="Mongo.MongoDocumentStore"/>.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    /// <summary>The service this database belongs to (one database per service).</summary>
    string Name { get; }

    /// <summary>Opens a collection, creating it and its indexes when missing.</summary>
    Task<IDocumentCollection<T>> OpenAsync<T>(CollectionDefinition<T> definition, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Collections opened so far that may hold outbox messages.</summary>
    IReadOnlyCollection<IOutboxSource> OutboxSources { get; }

    /// <summary>Raised after a write that added outbox messages, so the dispatcher need not wait for its next poll.</summary>
    event Action? OutboxWritten;

    Task PingAsync(CancellationToken cancellationToken = default);
}

static class StorageNames
{
    public static string Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"'{name}' is not a valid collection name (letters, digits, '-' and '_').", nameof(name));
        return name;
    }

    public static string ValidateField(string field)
    {
        if (string.IsNullOrEmpty(field) || !field.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
            throw new ArgumentException($"'{field}' is not a valid field path.", nameof(field));
        return field;
    }
}
