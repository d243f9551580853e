using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Ptsp.Hosting.Storage;
using Ptsp.Hosting.Storage.Mongo;

namespace Ptsp.Hosting.Tests;

/// <summary>The Mongo adapter's mapping and filters, checked without a server.</summary>
public class MongoMappingTests
{
    static readonly DateTimeOffset Due = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    static BsonDocument Render(FilterDefinition<BsonDocument> filter) =>
        filter.Render(new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry));

    [Fact]
    public void A_document_is_its_id_version_and_camel_case_body_with_times_as_sortable_utc_text()
    {
        var outbox = OutboxMessage.Publish(new Widget { Name = "e" }, Due);
        var bson = MongoMapping.ToBson("w1", 3, new Widget { Name = "satu", Count = 5, Urgent = true, DueAt = Due, Tags = ["x"] }, [outbox]);

        Assert.Equal("w1", bson["_id"].AsString);
        Assert.Equal(3L, bson["version"].ToInt64());
        var body = bson["body"].AsBsonDocument;
        Assert.Equal("satu", body["name"].AsString);
        Assert.Equal(5, body["count"].ToInt64());
        Assert.True(body["urgent"].AsBoolean);
        Assert.Equal("2026-11-23T02:00:00.0000000Z", body["dueAt"].AsString);
        Assert.False(body.Contains("claim"), "null fields are left out, so a unique index skips them");
        Assert.Equal(outbox.Id.ToString(), bson["outbox"][0]["id"].AsString);
        Assert.Equal("2026-11-23T02:00:00.0000000Z", bson["outboxSince"].AsString);
    }

    [Fact]
    public void A_document_reads_back_as_it_was_written()
    {
        var written = new Widget { Name = "dua", Count = long.MaxValue, DueAt = Due, Claim = "c", Tags = ["a", "b"] };
        var stored = MongoMapping.FromBson<Widget>(MongoMapping.ToBson("w2", 7, written, null));

        Assert.Equal(("w2", 7L), (stored.Id, stored.Version));
        Assert.Equal(written.Name, stored.Document.Name);
        Assert.Equal(long.MaxValue, stored.Document.Count);
        Assert.Equal(Due, stored.Document.DueAt);
        Assert.Equal(["a", "b"], stored.Document.Tags);
    }

    [Fact]
    public void Queries_become_filters_on_the_body_with_the_stored_value_forms()
    {
        var query = Query.By("status", "Open")
            .And("dueAt", Operator.LessThan, Due)
            .And("urgent", Operator.Equal, true)
            .And("count", Operator.GreaterThanOrEqual, 2)
            .And("name", Operator.In, new[] { "a", "b" })
            .And("claim", Operator.NotEqual, null);

        var rendered = Render(MongoMapping.Filter(query));

        Assert.Equal(BsonDocument.Parse("""
            { "body.status": "Open",
              "body.dueAt": { "$lt": "2026-11-23T02:00:00.0000000Z" },
              "body.urgent": true,
              "body.count": { "$gte": NumberLong(2) },
              "body.name": { "$in": ["a", "b"] },
              "body.claim": { "$ne": null } }
            """), rendered);
        Assert.Equal(new BsonDocument(), Render(MongoMapping.Filter(Query.All)));
    }

    [Fact]
    public void Sorting_breaks_ties_by_id()
    {
        var sort = MongoMapping.Sort(Query.All.Sort("dueAt", descending: true))!;
        var rendered = sort.Render(new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry));
        Assert.Equal(BsonDocument.Parse("""{ "body.dueAt": -1, "_id": -1 }"""), rendered);
        Assert.Null(MongoMapping.Sort(Query.All));
    }

    [Fact]
    public void Unique_indexes_are_partial_so_documents_without_the_field_do_not_collide()
    {
        var models = MongoMapping.Indexes(new CollectionDefinition<Widget>("widgets").Index("claim", unique: true).Index("status")).ToList();

        var claim = models.Single(m => m.Options.Name == "ix_claim");
        Assert.True(claim.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "body.claim": { "$exists": true } }"""), Render(claim.Options.PartialFilterExpression));
        var status = models.Single(m => m.Options.Name == "ix_status");
        Assert.NotEqual(true, status.Options.Unique);
        Assert.Contains(models, m => m.Options.Name == "ix_outbox");
    }

    [Fact]
    public void A_value_the_stores_cannot_compare_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MongoMapping.Value(new object()));
        Assert.Throws<ArgumentException>(() => Query.By("body; drop", 1).Where.Select(c => MongoMapping.Filter(Query.By(c.Field, 1))).ToList());
    }

    [Fact]
    public void Free_text_keys_become_plain_field_names_and_read_back_unchanged()
    {
        var written = new Reading
        {
            Details = DocumentStoreContractTests.OddKeys,
            Nested = new() { ["$date"] = new() { ["$numberLong"] = "1" } },
        };

        var bson = MongoMapping.ToBson("r1", 1, written, null);

        // No key reached BSON as an operator, a path or a C string it cannot hold; every value is still text.
        var details = bson["body"]["details"].AsBsonDocument;
        Assert.All(details, e => Assert.True(e.Value.IsString, e.Name));
        Assert.All(Names(bson), name => Assert.False(name.StartsWith('$') || name.Contains('.') || name.Contains('\0'), name));
        Assert.Equal("luas", details.GetElement(7).Name);
        var read = MongoMapping.FromBson<Reading>(bson).Document;
        Assert.Equal(written.Details.OrderBy(k => k.Key, StringComparer.Ordinal), read.Details!.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal("1", read.Nested!["$date"]["$numberLong"]);
    }

    static IEnumerable<string> Names(BsonValue value) => value switch
    {
        BsonDocument d => d.SelectMany(e => Names(e.Value).Prepend(e.Name)),
        BsonArray a => a.SelectMany(Names),
        _ => [],
    };

    [Fact]
    public void Numbers_are_stored_as_SQLite_compares_them_without_losing_a_digit()
    {
        var written = new Reading { Price = 79228162514264337593543950335m, Ratio = 0.1, Weight = 0.1f, Rank = 3 };

        var body = MongoMapping.ToBson("r1", 1, written, null)["body"].AsBsonDocument;

        Assert.Equal(new BsonInt64(3), body["rank"]);
        Assert.Equal(new BsonDouble(0.1), body["ratio"]);
        Assert.Equal(new BsonDouble(0.1), body["weight"]);
        Assert.True(body["price"].IsDecimal128, "a decimal a double cannot hold exactly keeps every digit");
        var read = MongoMapping.FromBson<Reading>(MongoMapping.ToBson("r1", 1, written, null)).Document;
        Assert.Equal((written.Price, written.Ratio, written.Weight, written.Rank), (read.Price, read.Ratio, read.Weight, read.Rank));
    }

    [Fact]
    public void Query_values_take_the_form_the_stored_body_has()
    {
        Assert.Equal(new BsonDouble(12.3), MongoMapping.Value(12.30m));
        Assert.Equal(new BsonDouble(0.1), MongoMapping.Value(0.1f));
        Assert.Equal(new BsonInt64(3), MongoMapping.Value((short)3));
        Assert.Equal(new BsonString("2026-11-23"), MongoMapping.Value(new DateOnly(2026, 11, 23)));
        Assert.True(MongoMapping.Value(79228162514264337593543950335m).IsDecimal128);
        Assert.Throws<ArgumentException>(() => MongoMapping.Value(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void In_keeps_a_null_and_sorts_and_nulls_are_checked_as_SQLite_checks_them()
    {
        Assert.Equal(BsonDocument.Parse("""{ "body.claim": { "$in": ["a", null] } }"""),
            Render(MongoMapping.Filter(Query.All.And("claim", Operator.In, new[] { "a", null }))));
        Assert.Throws<ArgumentException>(() => MongoMapping.Sort(Query.All.Sort("$where")));
        Assert.Throws<ArgumentException>(() => MongoMapping.Sort(Query.All.Sort("dueAt; drop")));
        Assert.Throws<ArgumentException>(() => MongoMapping.Filter(Query.All.And("dueAt", Operator.LessThan, null)));
        Assert.Throws<ArgumentException>(() => MongoMapping.Filter(Query.All.And("name", Operator.In, "ab")));
    }

    [Fact]
    public void An_index_whose_uniqueness_or_filter_changed_is_not_the_same_index()
    {
        var unique = MongoMapping.Indexes(new CollectionDefinition<Widget>("widgets").Index("claim", unique: true)).Single(m => m.Options.Name == "ix_claim");
        var plain = MongoMapping.Indexes(new CollectionDefinition<Widget>("widgets").Index("claim")).Single(m => m.Options.Name == "ix_claim");
        // As listIndexes returns them.
        var listedUnique = BsonDocument.Parse("""
            { "v": 2, "key": { "body.claim": 1 }, "name": "ix_claim", "unique": true, "partialFilterExpression": { "body.claim": { "$exists": true } } }
            """);
        var listedPlain = BsonDocument.Parse("""{ "v": 2, "key": { "body.claim": 1.0, "_id": 1 }, "name": "ix_claim" }""");

        Assert.True(MongoMapping.SameIndex(listedUnique, unique));
        Assert.True(MongoMapping.SameIndex(listedPlain, plain));
        Assert.False(MongoMapping.SameIndex(listedUnique, plain));
        Assert.False(MongoMapping.SameIndex(listedPlain, unique));
        Assert.False(MongoMapping.SameIndex(BsonDocument.Parse("""{ "v": 2, "key": { "body.claim": -1, "_id": 1 }, "name": "ix_claim" }"""), plain));
        // A plain index from before ties were carried by the index (no _id key) is built again.
        Assert.False(MongoMapping.SameIndex(BsonDocument.Parse("""{ "v": 2, "key": { "body.claim": 1 }, "name": "ix_claim" }"""), plain));
    }

    [Fact]
    public async Task Take_zero_returns_nothing_without_asking_the_server()
    {
        // The driver reads a limit of 0 as "no limit"; nothing listens on port 1, so a query that went out would fail.
        using var client = new MongoClient("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100&connectTimeoutMS=100");
        var definition = new CollectionDefinition<Widget>("widgets");
        var store = new MongoDocumentStore("x", client, "ptsp");
        var widgets = new MongoDocumentCollection<Widget>(store, client.GetDatabase("ptsp_x").GetCollection<BsonDocument>("widgets"), definition);

        Assert.Empty(await widgets.QueryAsync(Query.By("status", "Open").Sort("dueAt").Take(0)));
        await Assert.ThrowsAsync<ArgumentException>(() => widgets.QueryAsync(Query.All.Sort("$where").Take(0)));
    }
}
