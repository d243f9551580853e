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

/// <summary>A document read from a collection, with the version to pass back when replacing it.</summary>
public sealed record Stored<T>(string Id, long Version, T Document)
    where T : class;

/// <summary>A collection's name and the fields it indexes. Field paths are the camelCase JSON names ("status", "profile.email").</summary>
public sealed class CollectionDefinition<T>(string name)
    where T : class
{
    readonly List<IndexDefinition> _indexes = [];

    public string Name { get; } = StorageNames.Validate(name);

    public IReadOnlyList<IndexDefinition> Indexes => _indexes;

    /// <summary>An index on one field. A unique index ignores documents where the field is absent or null.</summary>
    public CollectionDefinition<T> Index(string field, bool unique = false)
    {
        _indexes.Add(new IndexDefinition(StorageNames.ValidateField(field), unique));
        return this;
    }
}

public sealed record IndexDefinition(string Field, bool Unique)
{
    public string Name => "ix_" + Field.Replace('.', '_');
}

/// <summary>The id, or a unique index, already holds that value.</summary>
public sealed class DuplicateDocumentException(string collection, string index, Exception? inner = null)
    : Exception($"A document in '{collection}' already has that {index}.", inner)
{
    public string Collection { get; } = collection;

    /// <summary>"id" for the document id, otherwise the indexed field.</summary>
    public string Index { get; } = index;
}

/// <summary>The document changed (or vanished) since it was read. Retry with a fresh read.</summary>
public sealed class ConcurrencyConflictException(string collection, string id)
    : Exception($"Document '{id}' in '{collection}' was changed by someone else.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
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
