using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

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
