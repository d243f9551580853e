namespace Ptsp.Contracts.Audit;

public sealed record AuditLogPage(IReadOnlyList<AuditLogEntry> Items, long? NextBeforeSequence);
