namespace Ptsp.Contracts.Audit;

/// <summary>
/// One user action as the Gateway saw it, sent after its answer was decided to the audit log's keeper (Registration,
/// ADR 0015), which appends it to the hash chain. <paramref name="EntryId"/> makes a redelivery harmless.
/// <paramref name="Status"/> is the HTTP status the user was answered (2xx accepted, 4xx refused, 5xx failed).
/// </summary>
public sealed record RecordAuditEntry(
    Guid EntryId,
    DateTimeOffset At,
    string? Username,
    string? Role,
    string Action,
    Guid? ApplicationId,
    string? Target,
    string? ClientAddress,
    int Status);

/// <summary>The queue the keeper reads <see cref="RecordAuditEntry"/> from.</summary>
public static class AuditQueues
{
    public const string Record = "record-audit-entry";

    public static Uri RecordAddress => new($"queue:{Record}");
}

/// <summary>
/// Entries matching every given filter, newest first: at most <paramref name="Limit"/> of them with a sequence below
/// <paramref name="BeforeSequence"/> (the previous page's last). Replies <see cref="AuditLogPage"/>.
/// </summary>
public sealed record GetAuditLog(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Username,
    string? Action,
    Guid? ApplicationId,
    long? BeforeSequence,
    int Limit);

public sealed record AuditLogPage(IReadOnlyList<AuditLogEntry> Items, long? NextBeforeSequence);

public sealed record AuditLogEntry(
    long Sequence,
    DateTimeOffset At,
    string? Username,
    string? Role,
    string Action,
    Guid? ApplicationId,
    string? Target,
    string? ClientAddress,
    int Status,
    string PreviousHash,
    string Hash);

/// <summary>Recomputes the whole chain. Replies <see cref="AuditLogVerification"/>.</summary>
public sealed record VerifyAuditLog;

/// <summary>
/// <paramref name="Valid"/> when every entry's hash is SHA-256(previous hash + the entry) and the sequence has no gap;
/// otherwise <paramref name="FirstBrokenSequence"/> names the first entry that does not hold, and <paramref name="Reason"/> why.
/// </summary>
public sealed record AuditLogVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? Reason);
