using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Contracts.Audit;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Audit;

namespace Ptsp.Registration.Tests;

/// <summary>The audit chain's keeper (ADR 0015): two keepers on one database append to one chain, never a fork.</summary>
public sealed class AuditLogKeeperTests : IAsyncLifetime
{
    static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-audit-").FullName;
    readonly List<StorageFactory> _factories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
            await factory.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A keeper as a replica has it: its own store connection to the shared database file.</summary>
    AuditLog Keeper()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory)]).Build();
        var factory = new StorageFactory(configuration, NullLogger<StorageFactory>.Instance);
        _factories.Add(factory);
        return new AuditLog(factory);
    }

    static RecordAuditEntry Entry(int i, string user = "frontoffice") => new(Guid.NewGuid(), Start.AddSeconds(i), user, "FrontOffice",
        "POST applications/{id}/completeness", Guid.NewGuid(), null, "10.0.0.5", 202);

    [Fact]
    public async Task Two_keepers_appending_at_once_make_one_gap_free_chain()
    {
        var first = Keeper();
        var second = Keeper();

        var appends = Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).AppendAsync(Entry(i))));
        var sequences = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long?)i), sequences.Order());
        var verification = await first.VerifyAsync();
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(40, verification.Entries);

        var entries = await (await second.EntriesAsync()).QueryAsync(Query.All.Sort("sequence"));
        Assert.Equal(AuditLog.Genesis, entries[0].Document.PreviousHash);
        for (var i = 1; i < entries.Count; i++)
            Assert.Equal(entries[i - 1].Document.Hash, entries[i].Document.PreviousHash);
    }

    [Fact]
    public async Task A_redelivered_entry_is_appended_once()
    {
        var keeper = Keeper();
        var entry = Entry(1);
        Assert.Equal(1, await keeper.AppendAsync(entry));
        Assert.Null(await keeper.AppendAsync(entry));
        Assert.Equal(1, (await keeper.VerifyAsync()).Entries);
    }

    [Fact]
    public async Task Verification_names_the_first_entry_changed_relinked_or_removed()
    {
        var keeper = Keeper();
        for (var i = 0; i < 6; i++)
            await keeper.AppendAsync(Entry(i, $"petugas{i}"));
        var entries = await keeper.EntriesAsync();

        // Changed: the hash no longer matches the content.
        var third = (await entries.FindAsync(AuditLog.Id(3)))!;
        third.Document.Status = 403;
        await entries.ReplaceAsync(third.Id, third.Document, third.Version);
        var changed = await keeper.VerifyAsync();
        Assert.False(changed.Valid);
        Assert.Equal(3, changed.FirstBrokenSequence);
        Assert.Equal(2, changed.Entries);

        // Changed and re-hashed: the next entry no longer links to it.
        third.Document.Hash = AuditLog.HashOf(third.Document.PreviousHash, third.Document);
        await entries.ReplaceAsync(third.Id, third.Document, third.Version + 1);
        Assert.Equal(4, (await keeper.VerifyAsync()).FirstBrokenSequence);

        // Removed (the third put back as it was): the gap is named.
        third = (await entries.FindAsync(AuditLog.Id(3)))!;
        third.Document.Status = 202;
        third.Document.Hash = AuditLog.HashOf(third.Document.PreviousHash, third.Document);
        await entries.ReplaceAsync(third.Id, third.Document, third.Version);
        Assert.True((await keeper.VerifyAsync()).Valid);
        var fifth = (await entries.FindAsync(AuditLog.Id(5)))!;
        await entries.DeleteAsync(fifth.Id, fifth.Version);
        var removed = await keeper.VerifyAsync();
        Assert.Equal(5, removed.FirstBrokenSequence);
        Assert.Contains("hilang", removed.Reason);
    }

    [Fact]
    public async Task The_log_filters_by_user_action_application_and_time_and_pages_newest_first()
    {
        var keeper = Keeper();
        var application = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
            await keeper.AppendAsync(Entry(i, i % 2 == 0 ? "kasi" : "kabid") with { ApplicationId = i < 3 ? application : Guid.NewGuid() });

        var kasi = await keeper.PageAsync(new GetAuditLog(null, null, "KASI", null, null, null, 2));
        Assert.Equal([5L, 3L], kasi.Items.Select(e => e.Sequence));
        Assert.Equal(3, kasi.NextBeforeSequence);
        var rest = await keeper.PageAsync(new GetAuditLog(null, null, "kasi", null, null, kasi.NextBeforeSequence, 2));
        Assert.Equal([1L], rest.Items.Select(e => e.Sequence));
        Assert.Null(rest.NextBeforeSequence);

        var ofApplication = await keeper.PageAsync(new GetAuditLog(Start.AddSeconds(1), Start.AddSeconds(3), null,
            "POST applications/{id}/completeness", application, null, 50));
        Assert.Equal([3L, 2L], ofApplication.Items.Select(e => e.Sequence));
    }
}
