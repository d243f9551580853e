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
