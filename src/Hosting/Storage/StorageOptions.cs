using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using Polly.Retry;
using Ptsp.Hosting.Storage.Mongo;
using Ptsp.Hosting.Storage.Sqlite;

namespace Ptsp.Hosting.Storage;

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
