using System.Globalization;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Ptsp.Hosting.Storage.Mongo;

/// <summary>
/// The whole of the Mongo adapter's mapping, kept apart so it is testable without a server: documents
/// go through the same JSON as the SQLite store (so both compare times and enums the same way), turned into
/// BSON by <see cref="BsonJson"/>, and queries become filter definitions on <c>body.*</c>.
/// </summary>
public static class MongoMapping
{
    public const string Body = "body";
    public const string Version = "version";
    public const string Outbox = "outbox";
    public const string OutboxSince = "outboxSince";
    public const string OutboxIndex = "ix_outbox";

    public static BsonDocument ToBson<T>(string id, long version, T document, IReadOnlyList<OutboxMessage>? outbox)
    {
        var bson = new BsonDocument
        {
            { "_id", id },
            { Version, version },
            { Body, BsonJson.ToBson(JsonSerializer.SerializeToElement(document, StorageJson.Options)) },
        };
        if (outbox is { Count: > 0 })
        {
            bson.Add(Outbox, OutboxArray(outbox));
            bson.Add(OutboxSince, StorageJson.FormatTime(outbox.Min(m => m.CreatedAt)));
        }

        return bson;
    }

    public static Stored<T> FromBson<T>(BsonDocument document)
        where T : class =>
        new(document["_id"].AsString, document[Version].ToInt64(),
            BsonJson.FromBson<T>(document[Body].AsBsonDocument));

    public static BsonArray OutboxArray(IEnumerable<OutboxMessage> outbox) =>
        new(outbox.Select(m => BsonJson.ToBson(JsonSerializer.SerializeToElement(m, StorageJson.Options))));

    public static IReadOnlyList<OutboxMessage> OutboxFromBson(BsonDocument document) =>
        document.TryGetValue(Outbox, out var array)
            ? array.AsBsonArray.Select(m => BsonJson.FromBson<OutboxMessage>(m.AsBsonDocument)).ToList()
            : [];

    /// <summary>
    /// Documents whose outbox still holds a message. The marker alone is not enough: a document that kept it
    /// with an empty outbox would come back in every batch and never leave.
    /// </summary>
    public static FilterDefinition<BsonDocument> PendingOutbox =>
        Builders<BsonDocument>.Filter.Exists(OutboxSince) & Builders<BsonDocument>.Filter.Exists($"{Outbox}.0");

    /// <summary>
    /// Removes the delivered messages and, when none is left, the outbox and its marker, in one update
    /// (a pipeline), so no failure can leave one done without the other. Messages appended meanwhile stay.
    /// </summary>
    public static UpdateDefinition<BsonDocument> Acknowledge(IEnumerable<Guid> messageIds)
    {
        var ids = new BsonArray(messageIds.Select(m => m.ToString()));
        var remaining = new BsonDocument("$filter", new BsonDocument
        {
            { "input", new BsonDocument("$ifNull", new BsonArray { "$" + Outbox, new BsonArray() }) },
            { "cond", new BsonDocument("$not", new BsonArray { new BsonDocument("$in", new BsonArray { "$$this.id", ids }) }) },
        });
        var empty = new BsonDocument("$eq", new BsonArray { new BsonDocument("$size", "$" + Outbox), 0 });
        BsonDocument KeepUnlessEmpty(string field) => new("$cond", new BsonArray { empty, "$$REMOVE", "$" + field });

        return Builders<BsonDocument>.Update.Pipeline(PipelineDefinition<BsonDocument, BsonDocument>.Create(
            new BsonDocument("$set", new BsonDocument(Outbox, remaining)),
            new BsonDocument("$set", new BsonDocument { { Outbox, KeepUnlessEmpty(Outbox) }, { OutboxSince, KeepUnlessEmpty(OutboxSince) } })));
    }

    public static FilterDefinition<BsonDocument> Filter(Query query)
    {
        var f = Builders<BsonDocument>.Filter;
        if (query.Where.Count == 0)
            return f.Empty;

        return f.And(query.Where.Select(c =>
        {
            var field = $"{Body}.{StorageNames.ValidateField(c.Field)}";
            if (c.Operator == Operator.In)
                return f.In(field, Query.InValues(c).Select(Stored));
            var value = Stored(Query.ComparedValue(c));
            return c.Operator switch
            {
                Operator.Equal => f.Eq(field, value),
                Operator.NotEqual => f.Ne(field, value),
                Operator.LessThan => f.Lt(field, value),
                Operator.LessThanOrEqual => f.Lte(field, value),
                Operator.GreaterThan => f.Gt(field, value),
                Operator.GreaterThanOrEqual => f.Gte(field, value),
                _ => throw new ArgumentOutOfRangeException(nameof(query)),
            };
        }));
    }

    public static SortDefinition<BsonDocument>? Sort(Query query)
    {
        if (query.OrderBy is null)
            return null;
        var field = $"{Body}.{StorageNames.ValidateField(query.OrderBy)}";
        // Ties broken by id in the sort's own direction, so a plain index (field, _id) serves the whole sort either way.
        return query.Descending
            ? Builders<BsonDocument>.Sort.Descending(field).Descending("_id")
            : Builders<BsonDocument>.Sort.Ascending(field).Ascending("_id");
    }

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes<T>(CollectionDefinition<T> definition)
        where T : class
    {
        yield return new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending(OutboxSince),
            new CreateIndexOptions<BsonDocument>
            {
                Name = OutboxIndex,
                PartialFilterExpression = Builders<BsonDocument>.Filter.Exists(OutboxSince),
            });

        foreach (var index in definition.Indexes)
        {
            var field = $"{Body}.{index.Field}";
            // A plain index carries the id too: a sort by the field breaks ties by id, and an index without it leaves the server
            // to sort in memory. A unique index has no ties.
            yield return new CreateIndexModel<BsonDocument>(
                index.Unique ? Builders<BsonDocument>.IndexKeys.Ascending(field)
                    : Builders<BsonDocument>.IndexKeys.Ascending(field).Ascending("_id"),
                new CreateIndexOptions<BsonDocument>
                {
                    Name = index.Name,
                    Unique = index.Unique,
                    // Like SQLite's partial index: a unique index ignores documents without the field.
                    PartialFilterExpression = index.Unique ? Builders<BsonDocument>.Filter.Exists(field) : null,
                });
        }
    }

    /// <summary>Whether an index as the server lists it is the one <paramref name="wanted"/> describes: keys, uniqueness and partial filter.</summary>
    public static bool SameIndex(BsonDocument listed, CreateIndexModel<BsonDocument> wanted)
    {
        var args = new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry);
        var keys = wanted.Keys.Render(args);
        var partial = wanted.Options.PartialFilterExpression?.Render(args);
        var listedPartial = listed.GetValue("partialFilterExpression", BsonNull.Value);
        // CompareTo, not Equals: the server may list a key's direction as a double or an int.
        return listed["key"].CompareTo(keys) == 0
               && listed.GetValue("unique", false).ToBoolean() == (wanted.Options.Unique ?? false)
               && (partial is null ? listedPartial.IsBsonNull : listedPartial.CompareTo(partial) == 0);
    }

    /// <summary>The same value the JSON body holds: times and dates as text, booleans, numbers as <see cref="BsonJson.Number"/> stores them.</summary>
    public static BsonValue Value(object? value) => Stored(Query.Normalize(value));

    static BsonValue Stored(object? normalized) => normalized switch
    {
        null => BsonNull.Value,
        string s => new BsonString(s),
        long l => new BsonInt64(l),
        bool b => BsonBoolean.Create(b),
        double d => new BsonDouble(d),
        decimal m => BsonJson.Number(m.ToString(CultureInfo.InvariantCulture)),
        var other => throw new ArgumentException($"A query cannot compare with a {other.GetType().Name}."),
    };
}
