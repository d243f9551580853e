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

public enum StorageProvider
{
    Sqlite,
    Mongo,
}

public sealed record StorageOptions(StorageProvider Provider, string SqliteDirectory, string? MongoConnectionString, string MongoDatabase)
{
    public static StorageOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        var providerText = section["Provider"] ?? nameof(StorageProvider.Sqlite);
        if (!Enum.TryParse<StorageProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Storage__Provider must be Sqlite or Mongo, not '{providerText}'.");

        var connectionString = section["Mongo:ConnectionString"];
        var database = section["Mongo:Database"] ?? "ptsp";
        if (provider == StorageProvider.Mongo)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Storage__Provider is Mongo but Storage__Mongo__ConnectionString is not set.");
            ValidateMongo(connectionString, database);
        }

        return new StorageOptions(provider, section["Sqlite:Directory"] ?? "./data", connectionString, database);
    }

    // Checked once at start: the driver would otherwise throw the same error on every attempt to connect.
    static void ValidateMongo(string connectionString, string database)
    {
        try
        {
            _ = MongoClientSettings.FromConnectionString(connectionString);
        }
        catch (Exception e) when (e is MongoConfigurationException or FormatException or ArgumentException or OverflowException)
        {
            // The driver's message may quote the string, password included.
            var reason = e.Message.Replace(connectionString, "…", StringComparison.Ordinal);
            throw new InvalidOperationException($"Storage__Mongo__ConnectionString is not a valid MongoDB connection string: {reason}", e);
        }

        // MongoDB's rules for database names; each service appends "_<service>".
        if (database.Length == 0 || database.Length > 50 || database.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?', '\0']) >= 0)
            throw new InvalidOperationException($"Storage__Mongo__Database '{database}' is not a valid MongoDB database name (at most 50 characters, none of /\\. \"$*<>:|?).");
    }
}
