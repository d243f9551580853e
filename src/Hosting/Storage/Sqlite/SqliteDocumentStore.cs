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
        // One writer at a time: replicas opening the same collection at start take turns.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var table = Quote(definition.Name);
        var outboxIndex = "ix_" + definition.Name + "_outbox";
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                id TEXT NOT NULL PRIMARY KEY,
                version INTEGER NOT NULL,
                body TEXT NOT NULL,
                outbox TEXT NULL,
                outbox_since TEXT NULL);
            CREATE INDEX IF NOT EXISTS {Quote(outboxIndex)} ON {table}(outbox_since) WHERE outbox_since IS NOT NULL;
            """, cancellationToken);

        // An index whose definition changed is dropped and built again, one no longer defined is dropped:
        // CREATE INDEX IF NOT EXISTS alone would keep the old one under the same name.
        var wanted = definition.Indexes.ToDictionary(i => IndexName(definition.Name, i), i => (Index: i, Sql: IndexSql(table, definition.Name, i)));
        var existing = new Dictionary<string, string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$table", definition.Name);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                existing[reader.GetString(0)] = reader.GetString(1);
        }

        foreach (var (name, sql) in existing)
        {
            if (name.StartsWith("ix_", StringComparison.Ordinal) && name != outboxIndex && (!wanted.TryGetValue(name, out var want) || want.Sql != sql))
                await ExecuteAsync(connection, transaction, $"DROP INDEX {Quote(name)};", cancellationToken);
        }

        foreach (var (name, want) in wanted)
        {
            if (existing.TryGetValue(name, out var sql) && sql == want.Sql)
                continue;
            try
            {
                await ExecuteAsync(connection, transaction, want.Sql, cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw UniqueIndexRefused(definition.Name, want.Index.Field, e);
            }
        }

        await transaction.CommitAsync(cancellationToken);

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
        // A writer that finds the file locked waits inside SQLite (its busy handler sleeps 1, 2, 5, 10 … ms), not in
        // Microsoft.Data.Sqlite's retry, which sleeps far longer between attempts: with concurrent writers of one file that
        // retry was where actions waited (bench --embedded: 4.12 → 8.42 permits/s, p50 376 → 164 ms).
        await using (var busy = connection.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000;";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    internal void RaiseOutboxWritten(IReadOnlyList<OutboxMessage> written)
    {
        Outbox.OutboxWriteTimes.Stamp(written);
        OutboxWritten?.Invoke();
    }

    internal static string IndexName(string collection, IndexDefinition index) => $"{index.Name}_{collection}";

    // Written as SQLite keeps it in sqlite_master, so a changed definition shows as changed text.
    static string IndexSql(string table, string collection, IndexDefinition index)
    {
        var expression = SqliteQuery.Field(index.Field);
        // A plain index carries the id too, for the ORDER BY field, id of a sorted query (SqliteQuery.OrderAndLimit).
        return index.Unique
            ? $"CREATE UNIQUE INDEX {Quote(IndexName(collection, index))} ON {table}({expression}) WHERE {expression} IS NOT NULL"
            : $"CREATE INDEX {Quote(IndexName(collection, index))} ON {table}({expression}, id)";
    }

    /// <summary>A unique index that cannot be built because documents already share a value: start-up stops and says which.</summary>
    internal static InvalidOperationException UniqueIndexRefused(string collection, string field, Exception inner) =>
        new($"The unique index on '{field}' of collection '{collection}' cannot be built: documents already share a value of it. " +
            "Resolve the duplicates, or keep the index plain.", inner);

    static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
