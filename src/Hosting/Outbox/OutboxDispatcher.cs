using MassTransit;
using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Metrics;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>
/// Delivers what documents' outboxes hold, then removes it: right after a write (the store signals) and
/// on a slow poll that picks up anything a crash left behind. Delivery is at-least-once; messages keep
/// their ids, so receivers recognise a repeat. A message that fails is tried again after a growing pause (1 s, 2 s, 4 s …
/// at most a minute); after <c>Outbox:MaxAttempts</c> failed attempts (10 by default) it becomes a fault (ADR 0014) in the
/// process's fault log and leaves its document's outbox, so ops see it and replay or discard it instead of it being retried for ever.
/// Attempts are counted per process: a restart gives a message a fresh count.
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
    readonly ConcurrentDictionary<Guid, (int Attempts, DateTimeOffset NextAt)> _failures = new();
    readonly int _maxAttempts = ReadMaxAttempts(services.GetService<IConfiguration>());
    readonly TimeSpan _firstDelay = ReadFirstDelay(services.GetService<IConfiguration>());
    readonly TimeProvider _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    readonly FaultLog? _faults = services.GetService<FaultLog>();

    static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    static int ReadMaxAttempts(IConfiguration? configuration)
    {
        var text = configuration?["Outbox:MaxAttempts"];
        if (string.IsNullOrWhiteSpace(text))
            return 10;
        return int.TryParse(text, out var value) && value >= 1
            ? value
            : throw new InvalidOperationException($"Outbox:MaxAttempts must be a whole number of at least 1, not '{text}'.");
    }

    static TimeSpan ReadFirstDelay(IConfiguration? configuration)
    {
        var text = configuration?["Outbox:RetryDelay"];
        if (string.IsNullOrWhiteSpace(text))
            return TimeSpan.FromSeconds(1);
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Outbox:RetryDelay must be a time span such as 00:00:01, not '{text}'.");
    }

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
                foreach (var message in pending.Messages)
                {
                    // Waiting out its back-off: the document's later messages wait behind it (their order is kept).
                    if (_failures.TryGetValue(message.Id, out var failure) && failure.NextAt > _time.GetUtcNow())
                    {
                        failed++;
                        break;
                    }

                    try
                    {
                        if (!handlers.TryGetValue(message.Kind, out var handler))
                            throw new InvalidOperationException($"No outbox handler for '{message.Kind}' in {source.CollectionName}.");
                        var waited = OutboxWriteTimes.Take(message.Id);
                        var handOver = System.Diagnostics.Stopwatch.GetTimestamp();
                        await handler.DeliverAsync(message, cancellationToken);
                        PtspMetrics.OutboxDelivered(message, waited, System.Diagnostics.Stopwatch.GetElapsedTime(handOver));
                        delivered.Add(message.Id);
                        _failures.TryRemove(message.Id, out _);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        var attempts = failure.Attempts + 1;
                        if (attempts >= _maxAttempts && _faults is not null)
                        {
                            // Given up: it is a fault now, kept with everything needed to deliver it again, and leaves the outbox.
                            await _faults.RecordOutboxFaultAsync(source.CollectionName, pending.DocumentId, message, e, attempts, cancellationToken);
                            delivered.Add(message.Id);
                            _failures.TryRemove(message.Id, out _);
                            continue;
                        }

                        // One document's undeliverable message must not hold up the others; it stays for a later round.
                        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, _firstDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
                        _failures[message.Id] = (attempts, _time.GetUtcNow() + delay);
                        failed++;
                        logger.LogWarning(e, "Could not deliver outbox message {MessageId} of {Collection}/{Document} (attempt {Attempt} of {MaxAttempts}); will retry in {Delay}",
                            message.Id, source.CollectionName, pending.DocumentId, attempts, _maxAttempts, delay);
                        break;
                    }
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
