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
        // As on SQLite: an index whose definition changed is dropped and built again, one no longer defined is
        // dropped (creating it under the same name with other options would fail with IndexOptionsConflict).
        var existing = await (await collection.Indexes.ListAsync(cancellationToken)).ToListAsync(cancellationToken);
        foreach (var index in existing)
        {
            var name = index["name"].AsString;
            if (!name.StartsWith("ix_", StringComparison.Ordinal) || name == MongoMapping.OutboxIndex)
                continue;
            var wanted = models.FirstOrDefault(m => m.Options.Name == name);
            if (wanted is null || !MongoMapping.SameIndex(index, wanted))
                await collection.Indexes.DropOneAsync(name, cancellationToken);
        }

        try
        {
            await collection.Indexes.CreateManyAsync(models, cancellationToken);
        }
        catch (MongoCommandException e) when (e.Code == 11000)
        {
            var field = definition.Indexes.FirstOrDefault(i => e.Message.Contains($"index: {i.Name} ", StringComparison.Ordinal))?.Field ?? "?";
            throw Sqlite.SqliteDocumentStore.UniqueIndexRefused(definition.Name, field, e);
        }

        return (IDocumentCollection<T>)_collections.GetOrAdd(definition.Name, new MongoDocumentCollection<T>(this, collection, definition));
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal void RaiseOutboxWritten(IReadOnlyList<OutboxMessage> written)
    {
        Outbox.OutboxWriteTimes.Stamp(written);
        OutboxWritten?.Invoke();
    }
}
