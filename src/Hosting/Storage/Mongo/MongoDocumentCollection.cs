using MongoDB.Bson;
using MongoDB.Driver;

namespace Ptsp.Hosting.Storage.Mongo;

sealed class MongoDocumentCollection<T>(MongoDocumentStore store, IMongoCollection<BsonDocument> collection, CollectionDefinition<T> definition)
    : IDocumentCollection<T>
    where T : class
{
    static readonly FilterDefinitionBuilder<BsonDocument> F = Builders<BsonDocument>.Filter;
    static readonly UpdateDefinitionBuilder<BsonDocument> U = Builders<BsonDocument>.Update;

    public string CollectionName => definition.Name;

    public async Task<Stored<T>?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var document = await collection.Find(F.Eq("_id", id)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoMapping.FromBson<T>(document);
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        var filter = MongoMapping.Filter(query);
        var sort = MongoMapping.Sort(query);
        // The driver reads a limit of 0 as "no limit"; SQLite's LIMIT 0 returns nothing.
        if (query.Limit == 0)
            return [];
        var find = collection.Find(filter);
        if (sort is not null)
            find = find.Sort(sort);
        if (query.Limit is int limit)
            find = find.Limit(limit);
        var documents = await find.ToListAsync(cancellationToken);
        return documents.Select(MongoMapping.FromBson<T>).ToList();
    }

    public async Task<long> InsertAsync(string id, T document, IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await collection.InsertOneAsync(MongoMapping.ToBson(id, 1, document, outbox), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw Duplicate(e);
        }

        if (outbox is { Count: > 0 })
            store.RaiseOutboxWritten(outbox);
        return 1;
    }

    public async Task<long> ReplaceAsync(string id, T document, long expectedVersion, IReadOnlyList<OutboxMessage>? outbox = null,
        CancellationToken cancellationToken = default)
    {
        var body = MongoMapping.ToBson(id, expectedVersion + 1, document, null)[MongoMapping.Body];
        var update = U.Set(MongoMapping.Body, body).Set(MongoMapping.Version, expectedVersion + 1);
        if (outbox is { Count: > 0 })
            update = update.PushEach(MongoMapping.Outbox, MongoMapping.OutboxArray(outbox))
                .Min(MongoMapping.OutboxSince, StorageJson.FormatTime(outbox.Min(m => m.CreatedAt)));

        UpdateResult result;
        try
        {
            result = await collection.UpdateOneAsync(F.Eq("_id", id) & F.Eq(MongoMapping.Version, expectedVersion), update,
                cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw Duplicate(e);
        }

        if (result.MatchedCount == 0)
            throw new ConcurrencyConflictException(definition.Name, id);
        if (outbox is { Count: > 0 })
            store.RaiseOutboxWritten(outbox);
        return expectedVersion + 1;
    }

    public async Task DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var result = await collection.DeleteOneAsync(F.Eq("_id", id) & F.Eq(MongoMapping.Version, expectedVersion), cancellationToken);
        if (result.DeletedCount == 0)
            throw new ConcurrencyConflictException(definition.Name, id);
    }

    public async Task<IReadOnlyList<PendingOutbox>> PendingOutboxAsync(int limit, CancellationToken cancellationToken = default)
    {
        var documents = await collection.Find(MongoMapping.PendingOutbox)
            .Sort(Builders<BsonDocument>.Sort.Ascending(MongoMapping.OutboxSince))
            .Limit(limit)
            .Project(Builders<BsonDocument>.Projection.Include(MongoMapping.Outbox))
            .ToListAsync(cancellationToken);
        return documents.Select(d => new PendingOutbox(d["_id"].AsString, MongoMapping.OutboxFromBson(d))).ToList();
    }

    public async Task AcknowledgeAsync(string id, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default)
    {
        await collection.UpdateOneAsync(F.Eq("_id", id), MongoMapping.Acknowledge(messageIds), cancellationToken: cancellationToken);
    }

    public async Task<OutboxBacklog> OutboxBacklogAsync(CancellationToken cancellationToken = default)
    {
        var totals = await collection.Aggregate()
            .Match(MongoMapping.PendingOutbox)
            .Group(new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "documents", new BsonDocument("$sum", 1) },
                { "messages", new BsonDocument("$sum", new BsonDocument("$size", "$" + MongoMapping.Outbox)) },
                { "oldest", new BsonDocument("$min", "$" + MongoMapping.OutboxSince) },
            })
            .FirstOrDefaultAsync(cancellationToken);
        return totals is null
            ? OutboxBacklog.None
            : new OutboxBacklog(totals["documents"].ToInt64(), totals["messages"].ToInt64(),
                totals["oldest"].IsString
                    ? DateTimeOffset.Parse(totals["oldest"].AsString, System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal)
                    : null);
    }

    DuplicateDocumentException Duplicate(MongoWriteException e)
    {
        var index = definition.Indexes.FirstOrDefault(i => e.WriteError.Message.Contains($"index: {i.Name} ", StringComparison.Ordinal));
        return new DuplicateDocumentException(definition.Name, index?.Field ?? "id", e);
    }
}
