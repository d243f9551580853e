using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>Delivers one kind of outbox message ("publish", "send", "mail", ...).</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers what documents' outboxes hold, then removes it: right after a write (the store signals) and
/// on a slow poll that picks up anything a crash left behind. Delivery is at-least-once; messages keep
/// their ids, so receivers recognise a repeat.
/// </summary>
public sealed class OutboxDispatcher(
    StorageFactory storage,
    IServiceProvider services,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public const int BatchSize = 100;

    /// <summary>Batches one collection may take per round; the rest waits for the next round, so no source can hold the loop.</summary>
    public const int MaxBatchesPerRound = 20;
    readonly SemaphoreSlim _signal = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        storage.StoreOpened += store => store.OutboxWritten += Wake;
        foreach (var store in storage.OpenedStores)
            store.OutboxWritten += Wake;

        var handlers = services.GetServices<IOutboxHandler>().ToDictionary(h => h.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(Poll, stoppingToken);
                while (_signal.CurrentCount > 0)
                    await _signal.WaitAsync(stoppingToken);
                await DispatchAllAsync(handlers, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox dispatch failed; will retry");
                await Task.Delay(Poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    void Wake() => _signal.Release();

    /// <summary>Delivers everything pending in every open store. Public for tests that drive it directly.</summary>
    public async Task DispatchAllAsync(IReadOnlyDictionary<string, IOutboxHandler> handlers, CancellationToken cancellationToken)
    {
        foreach (var source in storage.OpenedStores.SelectMany(s => s.OutboxSources))
            await DispatchAsync(source, handlers, cancellationToken);
    }

    /// <summary>Delivers what one collection holds, batch by batch.</summary>
    public async Task DispatchAsync(IOutboxSource source, IReadOnlyDictionary<string, IOutboxHandler> handlers, CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingOutbox> batch;
        IReadOnlyList<string> previous = [];
        var batches = 0;
        do
        {
            batch = await source.PendingOutboxAsync(BatchSize, cancellationToken);
            // The same documents again means the acknowledgements did not take: sending them once more would not help.
            if (batch.Count > 0 && batch.Select(p => p.DocumentId).SequenceEqual(previous))
            {
                logger.LogWarning("Outbox of {Collection} returned the same {Count} documents after they were acknowledged; leaving them to the next round",
                    source.CollectionName, batch.Count);
                break;
            }

            previous = batch.Select(p => p.DocumentId).ToList();
            var failed = 0;
            foreach (var pending in batch)
            {
                var delivered = new List<Guid>();
                try
                {
                    foreach (var message in pending.Messages)
                    {
                        if (!handlers.TryGetValue(message.Kind, out var handler))
                            throw new InvalidOperationException($"No outbox handler for '{message.Kind}' in {source.CollectionName}.");
                        await handler.DeliverAsync(message, cancellationToken);
                        delivered.Add(message.Id);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One document's undeliverable message must not hold up the others; it stays for the next round.
                    failed++;
                    logger.LogWarning(e, "Could not deliver an outbox message of {Collection}/{Document}; will retry", source.CollectionName,
                        pending.DocumentId);
                }

                if (delivered.Count > 0)
                    await source.AcknowledgeAsync(pending.DocumentId, delivered, cancellationToken);
            }

            // A full batch that did not all go through would come back unchanged: leave it to the next round.
            if (failed > 0)
                break;
        }
        while (batch.Count == BatchSize && ++batches < MaxBatchesPerRound);
    }
}

/// <summary>Publishes events and sends commands on the bus with the outbox message's id as MessageId.</summary>
public sealed class BusOutboxHandler(IBus bus, string kind) : IOutboxHandler
{
    public string Kind { get; } = kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = message.Deserialize(out var type);
        var pipe = Pipe.Execute<SendContext>(context => context.MessageId = message.Id);
        if (message.Kind == OutboxMessage.SendKind)
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination!));
            await endpoint.Send(body, type, pipe, cancellationToken);
        }
        else
        {
            await bus.Publish(body, type, pipe, cancellationToken);
        }
    }
}
