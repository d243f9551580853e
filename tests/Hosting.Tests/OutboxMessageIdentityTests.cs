using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Contracts.Calendar;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

/// <summary>ADR 0014: outbox entries name their message by URN; entries that still carry a .NET type name are read too.</summary>
public sealed class OutboxMessageIdentityTests : IAsyncLifetime
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-outbox-urn-").FullName;
    StorageFactory _storage = null!;
    ServiceProvider _provider = null!;
    ITestHarness _harness = null!;

    const string Body = """{"revision":7,"year":2027,"changedBy":"admin","changedAt":"2027-01-02T03:04:05.0000000+00:00","summary":"libur","holidays":[],"overrides":[]}""";

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory)]).Build();
        _storage = new StorageFactory(configuration, NullLogger<StorageFactory>.Instance);
        _provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _storage.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    async Task<CalendarChanged> DeliverStoredAsync(string typeName)
    {
        var widgets = await _storage.OpenCollectionAsync("outbox-urn", new CollectionDefinition<Widget>("widgets"));
        var id = Guid.NewGuid();
        await widgets.InsertAsync("w", new Widget(), [new OutboxMessage(id, OutboxMessage.PublishKind, typeName, Body, null, DateTimeOffset.UtcNow)]);
        var dispatcher = new OutboxDispatcher(_storage, new ServiceCollection().BuildServiceProvider(), NullLogger<OutboxDispatcher>.Instance);
        var handler = new BusOutboxHandler(_harness.Bus, OutboxMessage.PublishKind);

        await dispatcher.DispatchAllAsync(new Dictionary<string, IOutboxHandler> { [handler.Kind] = handler }, default);

        Assert.Empty(await widgets.PendingOutboxAsync(10));
        Assert.True(await _harness.Published.Any<CalendarChanged>(m => m.Context.MessageId == id));
        return _harness.Published.Select<CalendarChanged>(m => m.Context.MessageId == id).Single().Context.Message;
    }

    [Fact]
    public async Task An_entry_known_only_by_its_urn_is_delivered_as_its_contract()
    {
        var delivered = await DeliverStoredAsync("urn:message:ptsp:calendar-changed:v1");

        Assert.Equal(7, delivered.Revision);
        Assert.Equal("libur", delivered.Summary);
    }

    [Fact]
    public async Task An_entry_written_before_urns_with_a_type_name_is_still_delivered()
    {
        var delivered = await DeliverStoredAsync(typeof(CalendarChanged).AssemblyQualifiedName!);

        Assert.Equal(2027, delivered.Year);
    }

    [Fact]
    public void New_entries_store_the_contract_urn_not_the_class_name()
    {
        var stored = OutboxMessage.Publish(new CalendarChanged(1, 2027, "admin", DateTimeOffset.UtcNow, "x", [], []), DateTimeOffset.UtcNow);

        Assert.Equal("urn:message:ptsp:calendar-changed:v1", stored.Type);
        Assert.DoesNotContain(nameof(CalendarChanged), stored.Type);
        Assert.True(stored.Is<CalendarChanged>());
    }

    [Fact]
    public void An_unknown_urn_is_an_error_that_names_it()
    {
        var stored = new OutboxMessage(Guid.NewGuid(), OutboxMessage.PublishKind, "urn:message:ptsp:no-such-event:v1", "{}", null, DateTimeOffset.UtcNow);

        var error = Assert.Throws<InvalidOperationException>(() => stored.Deserialize(out _));
        Assert.Contains("ptsp:no-such-event:v1", error.Message);
    }
}
