using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-outbox-").FullName;
    StorageFactory _storage = null!;
    IDocumentCollection<Widget> _widgets = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory)]).Build();
        _storage = new StorageFactory(configuration, NullLogger<StorageFactory>.Instance);
        _widgets = await _storage.OpenCollectionAsync("outbox-test", new CollectionDefinition<Widget>("widgets"));
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    sealed class Recorder(string kind, bool fail) : IOutboxHandler
    {
        public List<Guid> Delivered { get; } = [];

        public string Kind => kind;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (fail)
                throw new InvalidOperationException("broker says no");
            Delivered.Add(message.Id);
            return Task.CompletedTask;
        }
    }

    static OutboxMessage Message(string kind) => OutboxMessage.Publish(new Widget(), DateTimeOffset.UtcNow) with { Kind = kind };

    [Fact]
    public async Task Pending_messages_are_delivered_once_and_removed()
    {
        var first = Message("ok");
        var second = Message("ok");
        await _widgets.InsertAsync("a", new Widget(), [first]);
        await _widgets.InsertAsync("b", new Widget(), [second]);
        var ok = new Recorder("ok", fail: false);
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler> { ["ok"] = ok }, default);
        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler> { ["ok"] = ok }, default);

        Assert.Equal(2, ok.Delivered.Count);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), ok.Delivered.Order());
        Assert.Empty(await _widgets.PendingOutboxAsync(10));
    }

    /// <summary>
    /// The metrics the bench's hop table reads: how long a message waited since this process wrote it, and its hand-over, per
    /// kind and message type. A message this process did not write (left by a crash, or another replica's) has no wait to tell.
    /// </summary>
    [Fact]
    public async Task Each_delivery_records_how_long_its_message_waited_since_the_write_and_its_hand_over()
    {
        var written = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7));
        var waited = OutboxMessage.Publish(new Widget(), written) with { Kind = "timed" };
        var refused = OutboxMessage.Publish(new Widget(), written) with { Kind = "timed-refused" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _widgets.InsertAsync("a", new Widget(), [waited]);
        await _widgets.InsertAsync("b", new Widget(), [refused]);
        // As after a restart: the write was not this process's, so its wait is unknown (the entry is taken away here).
        var leftOver = OutboxMessage.Publish(new Widget(), written) with { Kind = "timed-left-over" };
        await _widgets.InsertAsync("c", new Widget(), [leftOver]);
        Assert.NotNull(OutboxWriteTimes.Take(leftOver.Id));
        var measured = new List<(string Instrument, double Seconds, string? Kind, string? Type)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Metrics.PtspMetrics.MeterName && instrument.Name is "ptsp_outbox_delivery_delay_seconds" or "ptsp_outbox_handover_seconds")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var kind = Tag(tags, "kind");
            if (kind?.StartsWith("timed", StringComparison.Ordinal) == true)
                lock (measured)
                    measured.Add((instrument.Name, value, kind, Tag(tags, "message_type")));
        });
        listener.Start();
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler>
        {
            ["timed"] = new Recorder("timed", fail: false),
            ["timed-refused"] = new Recorder("timed-refused", fail: true),
            ["timed-left-over"] = new Recorder("timed-left-over", fail: false),
        }, default);
        var elapsed = clock.Elapsed.TotalSeconds;

        // The delivered one: its wait since the write (not since its business time, hours before) and its hand-over. The
        // left-over one: its hand-over only. The refused one is not a delivery.
        var delay = Assert.Single(measured, m => m.Instrument == "ptsp_outbox_delivery_delay_seconds");
        Assert.Equal(("timed", nameof(Widget)), (delay.Kind, delay.Type));
        Assert.InRange(delay.Seconds, 0, elapsed);
        Assert.Equal(["timed", "timed-left-over"],
            measured.Where(m => m.Instrument == "ptsp_outbox_handover_seconds").Select(m => m.Kind!).Order(StringComparer.Ordinal));
    }

    static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
                return tag.Value as string;
        }

        return null;
    }

    [Fact]
    public async Task A_message_that_cannot_be_delivered_does_not_hold_up_the_others_and_stays_for_later()
    {
        var stuck = Message("broken");
        var fine = Message("ok");
        await _widgets.InsertAsync("a", new Widget(), [stuck]);
        await _widgets.InsertAsync("b", new Widget(), [fine]);
        var ok = new Recorder("ok", fail: false);
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);

        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler> { ["ok"] = ok, ["broken"] = new Recorder("broken", fail: true) }, default);

        Assert.Equal([fine.Id], ok.Delivered);
        var left = Assert.Single(await _widgets.PendingOutboxAsync(10));
        Assert.Equal(("a", stuck.Id), (left.DocumentId, Assert.Single(left.Messages).Id));
    }

    /// <summary>A collection whose acknowledgements never take: it hands out the same full batch for ever.</summary>
    sealed class StuckSource : IOutboxSource
    {
        readonly IReadOnlyList<PendingOutbox> _batch = Enumerable.Range(0, OutboxDispatcher.BatchSize)
            .Select(i => new PendingOutbox($"d{i}", [Message("ok")]))
            .ToList();

        public int Reads;

        public string CollectionName => "stuck";

        public Task<IReadOnlyList<PendingOutbox>> PendingOutboxAsync(int limit, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Reads++;
            return Task.FromResult(_batch);
        }

        public Task AcknowledgeAsync(string id, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<OutboxBacklog> OutboxBacklogAsync(CancellationToken cancellationToken = default) => Task.FromResult(OutboxBacklog.None);
    }

    [Fact]
    public async Task A_batch_that_keeps_coming_back_does_not_spin_the_dispatcher()
    {
        var source = new StuckSource();
        var ok = new Recorder("ok", fail: false);
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await Task.Run(() => dispatcher.DispatchAsync(source, new Dictionary<string, IOutboxHandler> { ["ok"] = ok }, timeout.Token));

        // The same documents came back unchanged: the second look shows it, and the round ends without sending them again.
        Assert.Equal(2, source.Reads);
        Assert.Equal(OutboxDispatcher.BatchSize, ok.Delivered.Count);
    }

    /// <summary>A collection that always has a full batch of new documents: work that never ends in one round.</summary>
    sealed class EndlessSource : IOutboxSource
    {
        public int Reads;

        public string CollectionName => "endless";

        public Task<IReadOnlyList<PendingOutbox>> PendingOutboxAsync(int limit, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var round = ++Reads;
            return Task.FromResult<IReadOnlyList<PendingOutbox>>(Enumerable.Range(0, limit)
                .Select(i => new PendingOutbox($"r{round}-d{i}", [Message("ok")]))
                .ToList());
        }

        public Task AcknowledgeAsync(string id, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<OutboxBacklog> OutboxBacklogAsync(CancellationToken cancellationToken = default) => Task.FromResult(OutboxBacklog.None);
    }

    [Fact]
    public async Task A_backlog_that_never_ends_is_taken_a_bounded_number_of_batches_per_round()
    {
        var source = new EndlessSource();
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await Task.Run(() => dispatcher.DispatchAsync(source, new Dictionary<string, IOutboxHandler> { ["ok"] = new Recorder("ok", fail: false) }, timeout.Token));

        Assert.Equal(OutboxDispatcher.MaxBatchesPerRound, source.Reads);
    }
}
