using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>
/// Opens, at start, the collections whose documents carry outboxes. The dispatcher only sees collections this process
/// has opened, so without this a message a crash left behind (an event, an email) would wait until some later request
/// happened to touch its collection — or forever, after the last step of a file.
/// </summary>
public static class OutboxCollections
{
    public static IHostApplicationBuilder AddOutboxCollection<T>(this IHostApplicationBuilder builder, string store, CollectionDefinition<T> definition)
        where T : class
    {
        builder.Services.AddSingleton(new OutboxCollection($"{store}/{definition.Name}",
            (storage, cancellationToken) => storage.OpenCollectionAsync(store, definition, cancellationToken)));
        if (!builder.Services.Any(d => d.ImplementationType == typeof(OutboxCollectionOpener)))
            builder.Services.AddHostedService<OutboxCollectionOpener>();
        return builder;
    }
}

public sealed record OutboxCollection(string Name, Func<StorageFactory, CancellationToken, Task> OpenAsync);

/// <summary>Opens the registered collections in the background, so a store that is slow to answer does not hold up the start.</summary>
public sealed class OutboxCollectionOpener(IEnumerable<OutboxCollection> collections, StorageFactory storage, ILogger<OutboxCollectionOpener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var collection in collections)
        {
            try
            {
                await collection.OpenAsync(storage, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The first request that needs the collection opens it again; its leftovers go out then.
                logger.LogWarning(e, "Could not open {Collection} at start; its pending outbox waits for the next request that opens it", collection.Name);
            }
        }
    }
}
