using MongoDB.Driver;
using Ptsp.Hosting.Storage;
using Ptsp.Hosting.Storage.Mongo;
using Ptsp.Hosting.Storage.Sqlite;

namespace Ptsp.Hosting.Tests;

public sealed class Widget
{
    public string Name { get; set; } = "";

    public string Status { get; set; } = "Open";

    public long Count { get; set; }

    public bool Urgent { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? Claim { get; set; }

    public List<string> Tags { get; set; } = [];
}

/// <summary>
/// What every store adapter must do, run against each: SQLite always, MongoDB where MONGODB_URI is set.
/// </summary>
public abstract partial class DocumentStoreContractTests : IAsyncLifetime
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    protected static readonly CollectionDefinition<Widget> Widgets = new CollectionDefinition<Widget>("widgets")
        .Index("claim", unique: true)
        .Index("status")
        .Index("dueAt");

    IDocumentStore? _store;
    IDocumentCollection<Widget>? _widgets;
    string? _skipReason;

    /// <summary>A fresh, empty store, or null with a reason when this adapter cannot run here.</summary>
    protected abstract Task<(IDocumentStore? Store, string? SkipReason)> CreateStoreAsync();

    /// <summary>A second store on the same database, as a restarted process (or another replica) would open it.</summary>
    protected abstract IDocumentStore Reopen();

    public async Task InitializeAsync()
    {
        var (store, reason) = await CreateStoreAsync();
        _store = store;
        _skipReason = reason;
        if (store is not null)
            _widgets = await store.OpenAsync(Widgets);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        await DropAsync();
    }

    /// <summary>Removes what the test left on a server.</summary>
    protected virtual Task DropAsync() => Task.CompletedTask;

    /// <summary>The store under test; skips the test where this adapter cannot run.</summary>
    protected IDocumentStore Store()
    {
        Skip.If(_store is null, _skipReason);
        return _store!;
    }

    Task<IDocumentCollection<Widget>> Collection()
    {
        Skip.If(_widgets is null, _skipReason);
        return Task.FromResult(_widgets!);
    }

    [SkippableFact]
    public async Task An_inserted_document_reads_back_at_version_one()
    {
        var widgets = await Collection();
        var version = await widgets.InsertAsync("w1", new Widget { Name = "satu", DueAt = T0, Tags = ["a", "b"] });

        var stored = await widgets.FindAsync("w1");
        Assert.Equal(1, version);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal("satu", stored.Document.Name);
        Assert.Equal(T0, stored.Document.DueAt);
        Assert.Equal(["a", "b"], stored.Document.Tags);
        Assert.Null(await widgets.FindAsync("nope"));
    }

    [SkippableFact]
    public async Task A_second_insert_with_the_same_id_is_a_duplicate()
    {
        var widgets = await Collection();
        await widgets.InsertAsync("w1", new Widget { Name = "first" });

        var error = await Assert.ThrowsAsync<DuplicateDocumentException>(() => widgets.InsertAsync("w1", new Widget { Name = "second" }));
        Assert.Equal("id", error.Index);
        Assert.Equal("first", (await widgets.FindAsync("w1"))!.Document.Name);
    }

    [SkippableFact]
    public async Task A_unique_index_refuses_a_taken_value_but_ignores_absent_ones()
    {
        var widgets = await Collection();
        await widgets.InsertAsync("w1", new Widget { Claim = "3214011505900001" });
        await widgets.InsertAsync("w2", new Widget { Claim = null });
        await widgets.InsertAsync("w3", new Widget { Claim = null });

        var error = await Assert.ThrowsAsync<DuplicateDocumentException>(() => widgets.InsertAsync("w4", new Widget { Claim = "3214011505900001" }));
        Assert.Equal("claim", error.Index);
        Assert.Null(await widgets.FindAsync("w4"));

        var w2 = (await widgets.FindAsync("w2"))!;
        w2.Document.Claim = "3214011505900001";
        await Assert.ThrowsAsync<DuplicateDocumentException>(() => widgets.ReplaceAsync("w2", w2.Document, w2.Version));
        Assert.Null((await widgets.FindAsync("w2"))!.Document.Claim);
    }

    [SkippableFact]
    public async Task A_replace_from_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var widgets = await Collection();
        await widgets.InsertAsync("w1", new Widget { Count = 1 });

        Assert.Equal(2, await widgets.ReplaceAsync("w1", new Widget { Count = 2 }, 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => widgets.ReplaceAsync("w1", new Widget { Count = 99 }, 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => widgets.ReplaceAsync("missing", new Widget(), 1));

        var stored = (await widgets.FindAsync("w1"))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Document.Count);
    }

    [SkippableFact]
    public async Task A_delete_needs_the_current_version()
    {
        var widgets = await Collection();
        await widgets.InsertAsync("w1", new Widget());
        await widgets.ReplaceAsync("w1", new Widget { Count = 1 }, 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => widgets.DeleteAsync("w1", 1));
        Assert.NotNull(await widgets.FindAsync("w1"));
        await widgets.DeleteAsync("w1", 2);
        Assert.Null(await widgets.FindAsync("w1"));
    }

    [SkippableFact]
    public async Task Queries_filter_compare_times_order_and_limit()
    {
        var widgets = await Collection();
        for (var i = 0; i < 6; i++)
        {
            await widgets.InsertAsync($"w{i}", new Widget
            {
                Name = $"n{i}",
                Status = i % 2 == 0 ? "Open" : "Closed",
                Count = i,
                Urgent = i >= 4,
                // Out of insertion order, and across a change of day in UTC.
                DueAt = T0.AddHours(10 - i * 3).AddTicks(i),
            });
        }

        var open = await widgets.QueryAsync(Query.By("status", "Open").Sort("dueAt"));
        Assert.Equal(["w4", "w2", "w0"], open.Select(w => w.Id));

        var dueBefore = await widgets.QueryAsync(Query.All.And("dueAt", Operator.LessThanOrEqual, T0).Sort("dueAt", descending: true));
        Assert.Equal(["w4", "w5"], dueBefore.Select(w => w.Id).OrderBy(x => x));
        Assert.Equal("w4", dueBefore[0].Id);

        Assert.Equal(["w4", "w5"], (await widgets.QueryAsync(Query.By("urgent", true).Sort("count"))).Select(w => w.Id));
        Assert.Equal(["w1", "w3"], (await widgets.QueryAsync(Query.All.And("name", Operator.In, new[] { "n1", "n3", "nx" }).Sort("count")))
            .Select(w => w.Id));
        Assert.Equal(3, (await widgets.QueryAsync(Query.All.And("status", Operator.NotEqual, "Open"))).Count);
        Assert.Equal(2, (await widgets.QueryAsync(Query.All.And("count", Operator.GreaterThan, 3))).Count);
        Assert.Equal(6, (await widgets.QueryAsync(Query.By("claim", null))).Count);
        Assert.Equal(["w5", "w4"], (await widgets.QueryAsync(Query.All.Sort("count", descending: true).Take(2))).Select(w => w.Id));
    }

    [SkippableFact]
    public async Task Outbox_messages_are_stored_with_the_change_and_removed_when_acknowledged()
    {
        var widgets = await Collection();
        var written = 0;
        _store!.OutboxWritten += () => Interlocked.Increment(ref written);

        var first = OutboxMessage.Publish(new Widget { Name = "event-1" }, T0);
        var second = OutboxMessage.Publish(new Widget { Name = "event-2" }, T0.AddMinutes(1));
        await widgets.InsertAsync("w1", new Widget(), [first]);
        await widgets.ReplaceAsync("w1", new Widget { Count = 1 }, 1, [second]);
        await widgets.InsertAsync("w2", new Widget());

        var pending = Assert.Single(await widgets.PendingOutboxAsync(10));
        Assert.Equal("w1", pending.DocumentId);
        Assert.Equal([first.Id, second.Id], pending.Messages.Select(m => m.Id));
        Assert.Equal("event-2", ((Widget)pending.Messages[1].Deserialize(out var type)).Name);
        Assert.Equal(typeof(Widget), type);
        Assert.Equal(2, written);

        await widgets.AcknowledgeAsync("w1", [first.Id]);
        Assert.Equal([second.Id], Assert.Single(await widgets.PendingOutboxAsync(10)).Messages.Select(m => m.Id));
        await widgets.AcknowledgeAsync("w1", [second.Id]);
        Assert.Empty(await widgets.PendingOutboxAsync(10));

        // Acknowledging is not a change of the document: a writer holding version 2 still wins.
        Assert.Equal(3, await widgets.ReplaceAsync("w1", new Widget { Count = 2 }, 2));
    }

    [SkippableFact]
    public async Task The_outbox_backlog_counts_pending_documents_and_messages_and_names_the_oldest()
    {
        var widgets = await Collection();
        Assert.Equal(OutboxBacklog.None, await widgets.OutboxBacklogAsync());

        var first = OutboxMessage.Publish(new Widget { Name = "event-1" }, T0.AddMinutes(5));
        var second = OutboxMessage.Publish(new Widget { Name = "event-2" }, T0.AddMinutes(6));
        var third = OutboxMessage.Publish(new Widget { Name = "event-3" }, T0);
        await widgets.InsertAsync("w1", new Widget(), [first, second]);
        await widgets.InsertAsync("w2", new Widget(), [third]);
        await widgets.InsertAsync("w3", new Widget());

        var backlog = await widgets.OutboxBacklogAsync();
        Assert.Equal((2L, 3L), (backlog.Documents, backlog.Messages));
        Assert.Equal(T0, backlog.OldestSince);

        await widgets.AcknowledgeAsync("w2", [third.Id]);
        backlog = await widgets.OutboxBacklogAsync();
        Assert.Equal((1L, 2L, T0.AddMinutes(5)), (backlog.Documents, backlog.Messages, backlog.OldestSince));
        await widgets.AcknowledgeAsync("w1", [first.Id, second.Id]);
        Assert.Equal(OutboxBacklog.None, await widgets.OutboxBacklogAsync());
    }

    [SkippableFact]
    public async Task Concurrent_read_modify_write_with_retry_loses_no_update()
    {
        var widgets = await Collection();
        await widgets.InsertAsync("counter", new Widget());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var stored = (await widgets.FindAsync("counter"))!;
                stored.Document.Count++;
                try
                {
                    await widgets.ReplaceAsync("counter", stored.Document, stored.Version);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                }
            }
        })));

        var final = (await widgets.FindAsync("counter"))!;
        Assert.Equal(20, final.Document.Count);
        Assert.Equal(21, final.Version);
    }
}

public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests, IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-store-").FullName;

    protected override Task<(IDocumentStore?, string?)> CreateStoreAsync() =>
        Task.FromResult<(IDocumentStore?, string?)>((new SqliteDocumentStore("test", _directory), null));

    protected override IDocumentStore Reopen() => new SqliteDocumentStore("test", _directory);

    [Fact]
    public async Task Two_processes_sharing_one_database_file_see_each_others_writes()
    {
        await using var a = new SqliteDocumentStore("shared", _directory);
        await using var b = new SqliteDocumentStore("shared", _directory);
        var fromA = await a.OpenAsync(Widgets);
        var fromB = await b.OpenAsync(Widgets);

        await fromA.InsertAsync("w1", new Widget { Name = "dari A" });
        var seen = (await fromB.FindAsync("w1"))!;
        await fromB.ReplaceAsync("w1", new Widget { Name = "dari B" }, seen.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => fromA.ReplaceAsync("w1", new Widget { Name = "A lagi" }, 1));
        Assert.Equal("dari B", (await fromA.FindAsync("w1"))!.Document.Name);
        Assert.True(File.Exists(Path.Combine(_directory, "shared.db")));
    }

    [Fact]
    public async Task A_sorted_query_on_an_indexed_field_reads_the_index_in_either_direction_not_the_whole_table()
    {
        var t0 = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
        await using (var store = new SqliteDocumentStore("plans", _directory))
        {
            var widgets = await store.OpenAsync(Widgets);
            for (var i = 0; i < 50; i++)
                await widgets.InsertAsync($"w{i}", new Widget { Status = i % 2 == 0 ? "Open" : "Closed", DueAt = t0.AddMinutes(i % 7) });
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "plans.db")};Pooling=False");
        await connection.OpenAsync();
        foreach (var query in new[] { Query.All.Sort("dueAt").Take(1), Query.All.Sort("dueAt", descending: true).Take(1),
                     Query.All.And("dueAt", Operator.LessThan, t0.AddMinutes(3)).Sort("dueAt", descending: true).Take(10) })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN SELECT id, version, body FROM \"widgets\"" + SqliteQuery.Where(query, command) +
                                  SqliteQuery.OrderAndLimit(query, command);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    plan.Add(reader.GetString(3));
            }

            Assert.Contains(plan, step => step.Contains("USING INDEX ix_dueAt_widgets", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Its_connections_wait_for_a_lock_inside_SQLite_not_in_the_drivers_coarse_retry()
    {
        // Without a busy timeout SQLite answers SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after a coarse sleep:
        // concurrent writers of one file then waited hundreds of milliseconds (the embedded bench: p50 376 → 164 ms with it).
        await using var store = new SqliteDocumentStore("busy", _directory);
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(30000L, (long)(await command.ExecuteScalarAsync())!);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class MongoDocumentStoreTests : DocumentStoreContractTests
{
    readonly string _prefix = "ptsptest" + Guid.NewGuid().ToString("N")[..8];
    MongoClient? _client;

    protected override Task<(IDocumentStore?, string?)> CreateStoreAsync()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        if (string.IsNullOrWhiteSpace(uri))
            return Task.FromResult<(IDocumentStore?, string?)>((null,
                "MONGODB_URI is not set: no MongoDB server on this machine, so the Mongo adapter's contract run is skipped (its mapping is tested in MongoMappingTests)."));

        _client = new MongoClient(uri);
        return Task.FromResult<(IDocumentStore?, string?)>((new MongoDocumentStore("test", _client, _prefix), null));
    }

    protected override IDocumentStore Reopen() => new MongoDocumentStore("test", _client!, _prefix);

    // Each test has a database of its own; leave none behind on the server.
    protected override async Task DropAsync()
    {
        if (_client is null)
            return;
        await _client.DropDatabaseAsync($"{_prefix}_test");
        _client.Dispose();
    }
}
