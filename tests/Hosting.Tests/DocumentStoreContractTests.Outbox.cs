using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

public abstract partial class DocumentStoreContractTests
{
    [SkippableFact]
    public async Task Acknowledging_the_last_messages_leaves_nothing_pending_and_repeating_it_changes_nothing()
    {
        var readings = await Store().OpenAsync(Readings);
        var first = OutboxMessage.Publish(new Reading { Name = "e1" }, DateTimeOffset.UnixEpoch);
        var second = OutboxMessage.Publish(new Reading { Name = "e2" }, DateTimeOffset.UnixEpoch.AddSeconds(1));
        await readings.InsertAsync("r1", new Reading(), [first, second]);
        await readings.InsertAsync("r2", new Reading(), [OutboxMessage.Publish(new Reading(), DateTimeOffset.UnixEpoch)]);

        await readings.AcknowledgeAsync("r1", [first.Id, second.Id]);
        await readings.AcknowledgeAsync("r1", [first.Id, second.Id]);
        await readings.AcknowledgeAsync("gone", [first.Id]);

        Assert.Equal("r2", Assert.Single(await readings.PendingOutboxAsync(10)).DocumentId);
        var r1 = (await readings.FindAsync("r1"))!;
        Assert.Equal(1, r1.Version);

        // A message added after the acknowledgement makes the document pending again.
        var third = OutboxMessage.Publish(new Reading { Name = "e3" }, DateTimeOffset.UnixEpoch.AddSeconds(2));
        await readings.ReplaceAsync("r1", r1.Document, r1.Version, [third]);
        Assert.Equal([third.Id], (await readings.PendingOutboxAsync(10)).Single(p => p.DocumentId == "r1").Messages.Select(m => m.Id));
    }
}
