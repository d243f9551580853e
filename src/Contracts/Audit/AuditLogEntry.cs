namespace Ptsp.Contracts.Audit;

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
