using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

/// <summary>ADR 0014: an outbox entry is tried a bounded number of times, then becomes a fault that can be replayed or discarded.</summary>
public sealed class OutboxFaultTests : IAsyncLifetime
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-outbox-faults-").FullName;
    readonly Switch _handler = new();
    ServiceProvider _services = null!;
    StorageFactory _storage = null!;
    IDocumentCollection<Widget> _widgets = null!;

    sealed class Switch : IOutboxHandler
    {
        public bool Broken { get; set; } = true;
        public List<Guid> Delivered { get; } = [];
        public int Attempts { get; private set; }

        public string Kind => "ok";

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Broken)
                throw new InvalidOperationException("broker says no");
            Delivered.Add(message.Id);
            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Storage:Sqlite:Directory", _directory),
            new("Outbox:MaxAttempts", "3"),
            new("Outbox:RetryDelay", "00:00:00"),
        ]).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<StorageFactory>()
            .AddSingleton(new FaultKeeper("uji"))
            .AddSingleton<FaultLog>()
            .AddSingleton<IOutboxHandler>(_handler)
            .BuildServiceProvider();
        _storage = _services.GetRequiredService<StorageFactory>();
        _widgets = await _storage.OpenCollectionAsync("outbox-faults", new CollectionDefinition<Widget>("widgets"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    async Task RoundAsync(OutboxDispatcher dispatcher) =>
        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler> { [_handler.Kind] = _handler }, default);

    [Fact]
    public async Task An_entry_that_keeps_failing_becomes_a_fault_after_its_attempts_and_is_delivered_on_replay()
    {
        var stuck = OutboxMessage.Publish(new Widget { Name = "x" }, DateTimeOffset.UtcNow) with { Kind = "ok" };
        await _widgets.InsertAsync("w", new Widget(), [stuck]);
        var dispatcher = new OutboxDispatcher(_storage, _services, NullLogger<OutboxDispatcher>.Instance);
        var faults = _services.GetRequiredService<FaultLog>();

        await RoundAsync(dispatcher);
        await RoundAsync(dispatcher);
        Assert.Single(await _widgets.PendingOutboxAsync(10));
        Assert.Empty(await faults.ListAsync(includeResolved: false, default));

        await RoundAsync(dispatcher);
        Assert.Equal(3, _handler.Attempts);
        Assert.Empty(await _widgets.PendingOutboxAsync(10));
        var fault = Assert.Single(await faults.ListAsync(includeResolved: false, default));
        Assert.Equal(("outbox", stuck.Id, stuck.Type, 3), (fault.Source, fault.MessageId, fault.MessageType, fault.Attempts));
        Assert.Equal("System.InvalidOperationException", fault.ExceptionType);
        Assert.Equal("broker says no", fault.ExceptionMessage);

        // No longer retried by the dispatcher.
        await RoundAsync(dispatcher);
        Assert.Equal(3, _handler.Attempts);

        // A replay that fails again changes nothing; after the fix it delivers the entry under its own id.
        Assert.IsType<CommandRefused>(await faults.ReplayAsync(fault.Id, "admin", default));
        Assert.Equal("Open", Assert.Single(await faults.ListAsync(false, default)).Status);
        _handler.Broken = false;
        var replayed = Assert.IsType<FaultView>(await faults.ReplayAsync(fault.Id, "admin", default));
        Assert.Equal(("Replayed", "admin"), (replayed.Status, replayed.ResolvedBy));
        Assert.Equal([stuck.Id], _handler.Delivered);
        Assert.Empty(await faults.ListAsync(false, default));
        Assert.Equal(RefusalKind.Conflict, Assert.IsType<CommandRefused>(await faults.DiscardAsync(fault.Id, "admin", default)).Kind);
    }

    [Fact]
    public async Task A_discarded_fault_is_not_delivered_and_an_unknown_id_is_not_found()
    {
        var stuck = OutboxMessage.Publish(new Widget(), DateTimeOffset.UtcNow) with { Kind = "ok" };
        await _widgets.InsertAsync("w", new Widget(), [stuck]);
        var dispatcher = new OutboxDispatcher(_storage, _services, NullLogger<OutboxDispatcher>.Instance);
        var faults = _services.GetRequiredService<FaultLog>();
        for (var i = 0; i < 3; i++)
            await RoundAsync(dispatcher);
        var fault = Assert.Single(await faults.ListAsync(false, default));

        var discarded = Assert.IsType<FaultView>(await faults.DiscardAsync(fault.Id, "admin", default));

        Assert.Equal("Discarded", discarded.Status);
        Assert.Empty(_handler.Delivered);
        Assert.Equal(RefusalKind.NotFound, Assert.IsType<CommandRefused>(await faults.ReplayAsync("uji." + Guid.NewGuid().ToString("N"), "admin", default)).Kind);
        Assert.Equal(RefusalKind.NotFound, Assert.IsType<CommandRefused>(await faults.ReplayAsync("lain." + fault.Id.Split('.')[1], "admin", default)).Kind);
    }
}
