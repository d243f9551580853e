using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real cause for a fault (ADR 0014): Workflow's stored record of an application is made unreadable in its SQLite file (a time
/// that is not one), so Workflow cannot take the next event in; <see cref="RestoreAsync"/> puts the record back as it was.
/// </summary>
public sealed class DamagedSagaRecord
{
    readonly string database;
    readonly Guid applicationId;
    readonly string original;

    DamagedSagaRecord(string database, Guid applicationId, string original) =>
        (this.database, this.applicationId, this.original) = (database, applicationId, original);

    /// <summary>Damages the application's record in <c>workflow.db</c> under <paramref name="dataDirectory"/>.</summary>
    public static async Task<DamagedSagaRecord> DamageAsync(string dataDirectory, Guid applicationId)
    {
        var database = Path.Combine(dataDirectory, "workflow.db");
        var original = (string?)await ExecuteAsync(database, applicationId, "SELECT body FROM \"permit-sagas\" WHERE id = $id")
            ?? throw new InvalidOperationException("No saga document for the application.");
        await ExecuteAsync(database, applicationId, "UPDATE \"permit-sagas\" SET body = json_set(body, '$.createdAt', 'bukan-waktu') WHERE id = $id");
        return new DamagedSagaRecord(database, applicationId, original);
    }

    /// <summary>The cause is fixed: the record is what it was before the damage.</summary>
    public Task RestoreAsync() => ExecuteAsync(database, applicationId, "UPDATE \"permit-sagas\" SET body = $body WHERE id = $id", original);

    /// <summary>Waits until the administrator's open faults list one for the application (it is retried first, then recorded).</summary>
    public static async Task<JsonNode> WaitForFaultAsync(PtspClient api, Guid applicationId, string admin)
    {
        for (var i = 0; i < 160; i++)
        {
            var response = await api.GetAsync("/api/v1/ops/faults", admin);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var faults = (await PtspClient.Json(response))["faults"]!.AsArray();
            if (faults.FirstOrDefault(f => f!["applicationId"]?.GetValue<string>() == applicationId.ToString()) is { } fault)
                return fault;
            await Task.Delay(250);
        }

        throw new TimeoutException("The fault was not listed.");
    }

    static async Task<object?> ExecuteAsync(string database, Guid id, string sql, string? body = null)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());
        if (body is not null)
            command.Parameters.AddWithValue("$body", body);
        if (sql.StartsWith("SELECT", StringComparison.Ordinal))
            return await command.ExecuteScalarAsync();
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new InvalidOperationException("The saga document was not changed.");
        return null;
    }
}
