using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
