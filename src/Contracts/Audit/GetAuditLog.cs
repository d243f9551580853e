namespace Ptsp.Contracts.Audit;

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
