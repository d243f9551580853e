using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using Ptsp.Hosting.Storage.Mongo;
using Ptsp.Hosting.Storage.Sqlite;

namespace Ptsp.Hosting.Storage;

/// <summary>Opens each service's database once, from <c>Storage__*</c> configuration, retrying while the store is not yet reachable.</summary>
public sealed class StorageFactory : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, Lazy<Task<IDocumentStore>>> _stores = new();
    readonly StorageOptions _options;
    readonly ILogger<StorageFactory> _logger;
    readonly Lazy<IMongoClient> _mongo;
    readonly ResiliencePipeline _startup;

    public StorageFactory(IConfiguration configuration, ILogger<StorageFactory> logger)
    {
        _options = StorageOptions.From(configuration);
        _logger = logger;
        _mongo = new(() => new MongoClient(MongoSettings(_options)));
        _startup = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Only what may pass (a server still starting); a configuration error fails the same way every time.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e =>
                    e is not (ArgumentException or OperationCanceledException or InvalidOperationException or MongoConfigurationException)),
                MaxRetryAttempts = StartupAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    _logger.LogWarning(args.Outcome.Exception, "Store not reachable yet (attempt {Attempt}); retrying in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// How long the driver looks for a usable server before an operation fails, unless the connection string
    /// says (<c>serverSelectionTimeoutMS</c>). The driver's own 30 s, times every start-up attempt, made an
    /// unreachable MongoDB take minutes to report.
    /// </summary>
    public static readonly TimeSpan DefaultServerSelectionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often opening a store is tried before start-up gives up: with the back-off, under a minute in all.</summary>
    public const int StartupAttempts = 4;

    public StorageOptions Options => _options;

    /// <summary>The MongoDB client settings built from the options.</summary>
    public static MongoClientSettings MongoSettings(StorageOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.MongoConnectionString);
        if (!options.MongoConnectionString!.Contains("serverSelectionTimeoutMS=", StringComparison.OrdinalIgnoreCase))
            settings.ServerSelectionTimeout = DefaultServerSelectionTimeout;
        return settings;
    }

    public IReadOnlyCollection<IDocumentStore> OpenedStores =>
        _stores.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully).Select(s => s.Value.Result).ToArray();

    /// <summary>Raised when a store is opened, so the outbox dispatcher can follow it.</summary>
    public event Action<IDocumentStore>? StoreOpened;

    public Task<IDocumentStore> OpenAsync(string service, CancellationToken cancellationToken = default)
    {
        var lazy = _stores.GetOrAdd(service, name => new Lazy<Task<IDocumentStore>>(() => CreateAsync(name, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            _stores.TryRemove(service, out _);
            return OpenAsync(service, cancellationToken);
        }

        return task;
    }

    /// <summary>Opens a store and a collection in it: what a service's data class does at start.</summary>
    public async Task<IDocumentCollection<T>> OpenCollectionAsync<T>(string service, CollectionDefinition<T> definition, CancellationToken cancellationToken = default)
        where T : class
    {
        var store = await OpenAsync(service, cancellationToken);
        return await _startup.ExecuteAsync(async ct => await store.OpenAsync(definition, ct), cancellationToken);
    }

    /// <summary>The service's file store: a folder beside its database, or GridFS in its MongoDB database.</summary>
    public IBlobStore OpenBlobs(string service) => _options.Provider switch
    {
        StorageProvider.Mongo => new GridFsBlobStore(_mongo.Value.GetDatabase($"{_options.MongoDatabase}_{service}")),
        _ => new FileBlobStore(Path.Combine(_options.SqliteDirectory, $"{service}-files")),
    };

    async Task<IDocumentStore> CreateAsync(string service, CancellationToken cancellationToken)
    {
        var store = await _startup.ExecuteAsync(async ct =>
        {
            IDocumentStore created = _options.Provider switch
            {
                StorageProvider.Sqlite => new SqliteDocumentStore(service, _options.SqliteDirectory),
                StorageProvider.Mongo => new MongoDocumentStore(service, _mongo.Value, _options.MongoDatabase),
                _ => throw new ArgumentException($"Unknown Storage:Provider '{_options.Provider}'."),
            };
            await created.PingAsync(ct);
            return created;
        }, cancellationToken);

        _logger.LogInformation("Opened {Provider} store for {Store}", _options.Provider, service);
        StoreOpened?.Invoke(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in OpenedStores)
            await store.DisposeAsync();
        if (_mongo.IsValueCreated)
            _mongo.Value.Dispose();
    }
}
