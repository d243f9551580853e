using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

public class StorageFactoryTests
{
    sealed class CountingLogger : ILogger<StorageFactory>
    {
        public int Warnings;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Interlocked.Increment(ref Warnings);
        }
    }

    static IConfiguration Mongo(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection([new("Storage:Provider", "Mongo"), new("Storage:Mongo:ConnectionString", connectionString)])
        .Build();

    [Theory]
    [InlineData("mongodb://mongo:notaport")]
    [InlineData("mongo:27017")]
    [InlineData("mongodb://mongo:27017/?replicaSet=rs0&serverSelectionTimeoutMS=soon")]
    public void A_malformed_connection_string_stops_start_up_at_once_naming_the_key(string connectionString)
    {
        var logger = new CountingLogger();

        var error = Assert.Throws<InvalidOperationException>(() => new StorageFactory(Mongo(connectionString), logger));

        Assert.Contains("Storage__Mongo__ConnectionString", error.Message);
        Assert.Equal(0, logger.Warnings);
    }

    [Fact]
    public void A_database_name_MongoDB_would_refuse_stops_start_up_naming_the_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:Provider", "Mongo"), new("Storage:Mongo:ConnectionString", "mongodb://mongo:27017"), new("Storage:Mongo:Database", "ptsp.prod")])
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => new StorageFactory(configuration, new CountingLogger()));

        Assert.Contains("Storage__Mongo__Database", error.Message);
    }

    [Fact]
    public void The_server_selection_wait_is_bounded_unless_the_connection_string_sets_it()
    {
        var bounded = StorageFactory.MongoSettings(StorageOptions.From(Mongo("mongodb://mongo:27017/?replicaSet=rs0")));
        var chosen = StorageFactory.MongoSettings(StorageOptions.From(Mongo("mongodb://mongo:27017/?replicaSet=rs0&serverSelectionTimeoutMS=45000")));

        Assert.Equal(StorageFactory.DefaultServerSelectionTimeout, bounded.ServerSelectionTimeout);
        Assert.True(bounded.ServerSelectionTimeout <= TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(45), chosen.ServerSelectionTimeout);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_within_a_minute_by_default()
    {
        // Port 1 refuses at once; a short selection timeout makes each attempt quick, the back-off is the real one.
        var logger = new CountingLogger();
        await using var storage = new StorageFactory(Mongo("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100&connectTimeoutMS=100"), logger);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => storage.OpenAsync("unreachable"));

        var attempts = logger.Warnings + 1;
        Assert.Equal(StorageFactory.StartupAttempts, attempts);
        // With the default selection timeout every attempt may take that long; back-off is what was measured.
        Assert.True(attempts * StorageFactory.DefaultServerSelectionTimeout + clock.Elapsed < TimeSpan.FromMinutes(1),
            $"{attempts} attempts and {clock.Elapsed} of back-off");
    }
}
