using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Ptsp.Hosting.Storage.Mongo;

namespace Ptsp.Hosting.Tests;

/// <summary>The Mongo adapter's outbox queries and updates, rendered without a server.</summary>
public class MongoOutboxMappingTests
{
    [Fact]
    public void The_pending_query_skips_a_document_whose_outbox_is_empty_even_if_its_marker_stayed()
    {
        var rendered = MongoMapping.PendingOutbox.Render(
            new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "outboxSince": { "$exists": true }, "outbox.0": { "$exists": true } }"""), rendered);
    }

    [Fact]
    public void Acknowledging_is_one_update_that_drops_the_marker_with_the_last_message()
    {
        var first = Guid.Parse("6f1c2f0e-0000-4000-8000-000000000001");
        var second = Guid.Parse("6f1c2f0e-0000-4000-8000-000000000002");

        var rendered = MongoMapping.Acknowledge([first, second])
            .Render(new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonArray.Create(new[]
        {
            BsonDocument.Parse("""
                { "$set": { "outbox": { "$filter": {
                    "input": { "$ifNull": ["$outbox", []] },
                    "cond": { "$not": [{ "$in": ["$$this.id", ["6f1c2f0e-0000-4000-8000-000000000001", "6f1c2f0e-0000-4000-8000-000000000002"]] }] } } } } }
                """),
            BsonDocument.Parse("""
                { "$set": {
                    "outbox": { "$cond": [{ "$eq": [{ "$size": "$outbox" }, 0] }, "$$REMOVE", "$outbox"] },
                    "outboxSince": { "$cond": [{ "$eq": [{ "$size": "$outbox" }, 0] }, "$$REMOVE", "$outboxSince"] } } }
                """),
        }), rendered);
    }
}
