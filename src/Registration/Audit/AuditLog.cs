using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ptsp.Contracts.Audit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Registration.Audit;

/// <summary>
/// The tamper-evident audit log (issue 14 point 5, ADR 0015): one hash chain of every user action, kept by Registration.
/// Each entry's hash is SHA-256(previous hash + the entry's canonical form). Appending claims the next sequence number by
/// inserting the entry under that number as its id — the store's conditional write on the chain's head — so two keepers
/// (replicas) that read the same head collide, and the loser re-reads the new head and links behind it: the chain never forks.
/// </summary>
public sealed class AuditLog(StorageFactory storage)
{
    public static readonly CollectionDefinition<AuditEntry> Definition = new CollectionDefinition<AuditEntry>("audit-log")
        .Index("sequence")
        .Index("entryId", unique: true)
        .Index("at")
        .Index("usernameKey")
        .Index("action")
        .Index("applicationId");

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    const int VerifyBatch = 500;

    readonly SemaphoreSlim _append = new(1, 1);

    public Task<IDocumentCollection<AuditEntry>> EntriesAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);

    /// <summary>Appends the action at the chain's head; a redelivered entry (same id) is not appended twice.</summary>
    /// <returns>The entry's sequence number, or null when it was already in the log.</returns>
    public async Task<long?> AppendAsync(RecordAuditEntry m, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesAsync(cancellationToken);
        // One append at a time in this process: concurrent deliveries would all read the same head, and all but one would
        // lose the insert and read again, round after round. Other keepers (replicas) still meet at the conditional insert.
        await _append.WaitAsync(cancellationToken);
        try
        {
            return await AppendAtHeadAsync(entries, m, cancellationToken);
        }
        finally
        {
            _append.Release();
        }
    }

    async Task<long?> AppendAtHeadAsync(IDocumentCollection<AuditEntry> entries, RecordAuditEntry m, CancellationToken cancellationToken)
    {
        while (true)
        {
            var head = await entries.QueryAsync(Query.All.Sort("sequence", descending: true).Take(1), cancellationToken);
            var entry = new AuditEntry
            {
                Sequence = head.Count == 0 ? 1 : head[0].Document.Sequence + 1,
                EntryId = m.EntryId.ToString(),
                At = m.At,
                Username = m.Username,
                UsernameKey = m.Username?.ToLowerInvariant(),
                Role = m.Role,
                Action = m.Action,
                ApplicationId = m.ApplicationId,
                Target = m.Target,
                ClientAddress = m.ClientAddress,
                Status = m.Status,
                PreviousHash = head.Count == 0 ? Genesis : head[0].Document.Hash,
            };
            entry.Hash = HashOf(entry.PreviousHash, entry);
            try
            {
                await entries.InsertAsync(Id(entry.Sequence), entry, cancellationToken: cancellationToken);
                return entry.Sequence;
            }
            catch (DuplicateDocumentException e) when (e.Index == "entryId")
            {
                return null;
            }
            catch (DuplicateDocumentException)
            {
                // Another keeper appended at this number a moment ago: link behind its entry instead.
            }
        }
    }

    public async Task<AuditLogPage> PageAsync(GetAuditLog m, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(m.Limit, 1, 1000);
        var query = Query.All;
        if (m.From is { } from)
            query = query.And("at", Operator.GreaterThanOrEqual, from);
        if (m.To is { } to)
            query = query.And("at", Operator.LessThan, to);
        if (!string.IsNullOrWhiteSpace(m.Username))
            query = query.And("usernameKey", Operator.Equal, m.Username.Trim().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(m.Action))
            query = query.And("action", Operator.Equal, m.Action.Trim());
        if (m.ApplicationId is { } applicationId)
            query = query.And("applicationId", Operator.Equal, applicationId);
        if (m.BeforeSequence is { } before)
            query = query.And("sequence", Operator.LessThan, before);

        var entries = await EntriesAsync(cancellationToken);
        var found = await entries.QueryAsync(query.Sort("sequence", descending: true).Take(limit + 1), cancellationToken);
        var items = found.Take(limit).Select(s => View(s.Document)).ToList();
        return new AuditLogPage(items, found.Count > limit ? items[^1].Sequence : null);
    }

    /// <summary>Walks the chain from the first entry and names the first one that does not hold.</summary>
    public async Task<AuditLogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var entries = await EntriesAsync(cancellationToken);
        long count = 0, last = 0;
        var previousHash = Genesis;
        while (true)
        {
            var batch = await entries.QueryAsync(Query.All.And("sequence", Operator.GreaterThan, last).Sort("sequence").Take(VerifyBatch), cancellationToken);
            foreach (var stored in batch)
            {
                var entry = stored.Document;
                var expected = last + 1;
                if (entry.Sequence != expected || stored.Id != Id(entry.Sequence))
                    return Broken(count, expected, entry.Sequence > expected
                        ? $"Entri #{expected} hilang dari rantai."
                        : $"Nomor urut entri #{expected} telah diubah.");
                if (entry.PreviousHash != previousHash)
                    return Broken(count, expected, $"Entri #{expected} tidak tertaut pada hash entri sebelumnya.");
                if (HashOf(entry.PreviousHash, entry) != entry.Hash)
                    return Broken(count, expected, $"Isi entri #{expected} tidak cocok dengan hash-nya (entri telah diubah).");
                previousHash = entry.Hash;
                last = entry.Sequence;
                count++;
            }

            if (batch.Count < VerifyBatch)
                return new AuditLogVerification(true, count, null, null);
        }
    }

    static AuditLogVerification Broken(long count, long sequence, string reason) => new(false, count, sequence, reason);

    public static string Id(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// SHA-256 over the previous hash and the entry's canonical form: a JSON array of its fields in a fixed order, each as
    /// invariant text (times as UTC with seven decimals), so every keeper on every machine computes the same bytes.
    /// </summary>
    public static string HashOf(string previousHash, AuditEntry entry)
    {
        string?[] fields =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.EntryId,
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            entry.Username,
            entry.Role,
            entry.Action,
            entry.ApplicationId?.ToString(),
            entry.Target,
            entry.ClientAddress,
            entry.Status.ToString(CultureInfo.InvariantCulture),
        ];
        var canonical = JsonSerializer.Serialize(fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + canonical)));
    }

    static AuditLogEntry View(AuditEntry e) => new(e.Sequence, e.At, e.Username, e.Role, e.Action, e.ApplicationId, e.Target, e.ClientAddress,
        e.Status, e.PreviousHash, e.Hash);
}
