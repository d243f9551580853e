using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ptsp.Hosting.Storage.Sqlite;

sealed class SqliteDocumentCollection<T>(SqliteDocumentStore store, CollectionDefinition<T> definition) : IDocumentCollection<T>
    where T : class
{
    const int SqliteConstraint = 19;

    readonly string _table = SqliteDocumentStore.Quote(definition.Name);

    public string CollectionName => definition.Name;

    public async Task<Stored<T>?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, version, body FROM {_table} WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = SqliteQuery.Where(query, command);
        command.CommandText = $"SELECT id, version, body FROM {_table}{where}{SqliteQuery.OrderAndLimit(query, command)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<Stored<T>>();
        while (await reader.ReadAsync(cancellationToken))
            results.Add(Read(reader));
        return results;
    }

    public async Task<long> InsertAsync(string id, T document, IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {_table} (id, version, body, outbox, outbox_since) VALUES ($id, 1, $body, $outbox, $since)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, StorageJson.Options));
        AddOutbox(command, outbox is { Count: > 0 } ? outbox : null);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw Duplicate(e);
        }

        if (outbox is { Count: > 0 })
            store.RaiseOutboxWritten(outbox);
        return 1;
    }

    public async Task<long> ReplaceAsync(string id, T document, long expectedVersion, IReadOnlyList<OutboxMessage>? outbox = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        List<OutboxMessage>? pending = null;
        if (outbox is { Count: > 0 })
        {
            pending = await ReadOutboxAsync(connection, transaction, id, cancellationToken) ?? [];
            pending.AddRange(outbox);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = pending is null
            ? $"UPDATE {_table} SET version = version + 1, body = $body WHERE id = $id AND version = $version"
            : $"UPDATE {_table} SET version = version + 1, body = $body, outbox = $outbox, outbox_since = COALESCE(outbox_since, $since) WHERE id = $id AND version = $version";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", expectedVersion);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, StorageJson.Options));
        if (pending is not null)
            AddOutbox(command, pending);

        int changed;
        try
        {
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw Duplicate(e);
        }

        if (changed == 0)
            throw new ConcurrencyConflictException(definition.Name, id);

        await transaction.CommitAsync(cancellationToken);
        if (pending is not null)
            store.RaiseOutboxWritten(outbox ?? []);
        return expectedVersion + 1;
    }

    public async Task DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {_table} WHERE id = $id AND version = $version";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", expectedVersion);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw new ConcurrencyConflictException(definition.Name, id);
    }

    public async Task<IReadOnlyList<PendingOutbox>> PendingOutboxAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, outbox FROM {_table} WHERE outbox_since IS NOT NULL ORDER BY outbox_since LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<PendingOutbox>();
        while (await reader.ReadAsync(cancellationToken))
            results.Add(new PendingOutbox(reader.GetString(0), JsonSerializer.Deserialize<List<OutboxMessage>>(reader.GetString(1), StorageJson.Options)!));
        return results;
    }

    public async Task AcknowledgeAsync(string id, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var pending = await ReadOutboxAsync(connection, transaction, id, cancellationToken);
        if (pending is null)
            return;

        pending.RemoveAll(m => messageIds.Contains(m.Id));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = pending.Count == 0
            ? $"UPDATE {_table} SET outbox = NULL, outbox_since = NULL WHERE id = $id"
            : $"UPDATE {_table} SET outbox = $outbox WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (pending.Count > 0)
            command.Parameters.AddWithValue("$outbox", JsonSerializer.Serialize(pending, StorageJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<OutboxBacklog> OutboxBacklogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The partial index on outbox_since holds only pending documents, so this reads those and nothing else.
        command.CommandText = $"SELECT COUNT(*), COALESCE(SUM(json_array_length(outbox)), 0), MIN(outbox_since) FROM {_table} WHERE outbox_since IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxBacklog(reader.GetInt64(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal));
    }

    async Task<List<OutboxMessage>?> ReadOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT outbox FROM {_table} WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<List<OutboxMessage>>(json, StorageJson.Options)
            : null;
    }

    static void AddOutbox(SqliteCommand command, IReadOnlyList<OutboxMessage>? outbox)
    {
        command.Parameters.AddWithValue("$outbox", outbox is null ? DBNull.Value : JsonSerializer.Serialize(outbox, StorageJson.Options));
        command.Parameters.AddWithValue("$since", outbox is null ? DBNull.Value : StorageJson.FormatTime(outbox.Min(m => m.CreatedAt)));
    }

    static Stored<T> Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), JsonSerializer.Deserialize<T>(reader.GetString(2), StorageJson.Options)!);

    DuplicateDocumentException Duplicate(SqliteException e)
    {
        // "UNIQUE constraint failed: index 'ix_nik_accounts'" or "UNIQUE constraint failed: accounts.id"
        var index = definition.Indexes.FirstOrDefault(i => e.Message.Contains(SqliteDocumentStore.IndexName(definition.Name, i), StringComparison.Ordinal));
        return new DuplicateDocumentException(definition.Name, index?.Field ?? "id", e);
    }
}
