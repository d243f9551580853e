using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

public abstract partial class DocumentStoreContractTests
{
    [SkippableFact]
    public async Task A_unique_index_made_plain_no_longer_refuses_a_repeated_value()
    {
        var before = await Store().OpenAsync(new CollectionDefinition<Reading>("gauges").Index("claim", unique: true));
        await before.InsertAsync("g1", new Reading { Claim = "x" });

        await using var restarted = Reopen();
        var after = await restarted.OpenAsync(new CollectionDefinition<Reading>("gauges").Index("claim"));
        await after.InsertAsync("g2", new Reading { Claim = "x" });

        Assert.Equal(["g1", "g2"], (await after.QueryAsync(Query.By("claim", "x").Sort("claim"))).Select(g => g.Id).Order());
    }

    [SkippableFact]
    public async Task A_plain_index_made_unique_is_enforced_or_refused_with_the_field_named()
    {
        var before = await Store().OpenAsync(new CollectionDefinition<Reading>("gauges").Index("claim").Index("name"));
        await before.InsertAsync("g1", new Reading { Claim = "x", Name = "sama" });
        await before.InsertAsync("g2", new Reading { Claim = "y", Name = "sama" });

        await using (var restarted = Reopen())
        {
            var after = await restarted.OpenAsync(new CollectionDefinition<Reading>("gauges").Index("claim", unique: true).Index("name"));
            var error = await Assert.ThrowsAsync<DuplicateDocumentException>(() => after.InsertAsync("g3", new Reading { Claim = "x" }));
            Assert.Equal("claim", error.Index);
        }

        await using (var restarted = Reopen())
        {
            // Two documents already share a name: a unique index on it cannot be built, and start-up says why.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                restarted.OpenAsync(new CollectionDefinition<Reading>("gauges").Index("claim", unique: true).Index("name", unique: true)));
            Assert.Contains("'name'", refused.Message);
            Assert.Contains("gauges", refused.Message);
        }
    }
}
