using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Ptsp.Hosting.Storage.Sqlite;

/// <summary>
/// The SQLite adapter: one database file per service, in WAL mode so that several processes of one
/// service (replicas on one host) can share it. Each collection is a table of (id, version, body, outbox).
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    readonly string _connectionString;
    readonly ConcurrentDictionary<string, IOutboxSource> _collections = new();

    public SqliteDocumentStore(string name, string directory)
    {
        Name = name;
        Directory.CreateDirectory(directory);
        FilePath = Path.GetFullPath(Path.Combine(directory, $"{name}.db"));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: replicas wait, not fail.
            DefaultTimeout = 30,
        }.ToString();

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    public string Name { get; }

    public string FilePath { get; }

    public IReadOnlyCollection<IOutboxSource> OutboxSources => _collections.Values.ToArray();

    public event Action? OutboxWritten;

    public async Task<IDocumentCollection<T>> OpenAsync<T>(CollectionDefinition<T> definition, CancellationToken cancellationToken = default)
        where T : class
    {
        // Opened once per process: the DDL below is not free (a profile of the benchmark found it on every query).
        if (_collections.TryGetValue(definition.Name, out var opened))
            return (IDocumentCollection<T>)opened;

        await using var connection = await OpenConnectionAsync(cancellationToken);
        var table = Quote(definition.Name);
        var ddl = $"""
            CREATE TABLE IF NOT EXISTS {table} (
                id TEXT NOT NULL PRIMARY KEY,
                version INTEGER NOT NULL,
                body TEXT NOT NULL,
                outbox TEXT NULL,
                outbox_since TEXT NULL);
            CREATE INDEX IF NOT EXISTS {Quote("ix_" + definition.Name + "_outbox")} ON {table}(outbox_since) WHERE outbox_since IS NOT NULL;
            """;
        foreach (var index in definition.Indexes)
        {
            var expression = SqliteQuery.Field(index.Field);
            ddl += $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {Quote(IndexName(definition.Name, index))} " +
                   $"ON {table}({expression}){(index.Unique ? $" WHERE {expression} IS NOT NULL" : "")};";
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = ddl;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var collection = new SqliteDocumentCollection<T>(this, definition);
        return (IDocumentCollection<T>)_collections.GetOrAdd(definition.Name, collection);
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal void RaiseOutboxWritten() => OutboxWritten?.Invoke();

    internal static string IndexName(string collection, IndexDefinition index) => $"{index.Name}_{collection}";

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
