using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Ptsp.Hosting.Storage.Mongo;

/// <summary>
/// The MongoDB adapter: one database per service (<c>{prefix}_{service}</c>), one collection per
/// definition. A document is <c>{_id, version, body, outbox, outboxSince}</c>, so the body and its
/// outbox change together in one single-document write — no multi-document transaction needed.
/// </summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    readonly IMongoDatabase _database;
    readonly ConcurrentDictionary<string, IOutboxSource> _collections = new();

    public MongoDocumentStore(string name, IMongoClient client, string databasePrefix)
    {
        Name = name;
        _database = client.GetDatabase($"{databasePrefix}_{name}");
    }

    public string Name { get; }

    public IReadOnlyCollection<IOutboxSource> OutboxSources => _collections.Values.ToArray();

    public event Action? OutboxWritten;

    public async Task<IDocumentCollection<T>> OpenAsync<T>(CollectionDefinition<T> definition, CancellationToken cancellationToken = default)
        where T : class
    {
        if (_collections.TryGetValue(definition.Name, out var opened))
            return (IDocumentCollection<T>)opened;

        var collection = _database.GetCollection<BsonDocument>(definition.Name);
        var models = MongoMapping.Indexes(definition).ToList();
        await collection.Indexes.CreateManyAsync(models, cancellationToken);
        return (IDocumentCollection<T>)_collections.GetOrAdd(definition.Name, new MongoDocumentCollection<T>(this, collection, definition));
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal void RaiseOutboxWritten() => OutboxWritten?.Invoke();
}
