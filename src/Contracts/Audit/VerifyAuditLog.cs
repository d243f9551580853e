namespace Ptsp.Contracts.Audit;

/// <summary>Recomputes the whole chain. Replies <see cref="AuditLogVerification"/>.</summary>
public sealed record VerifyAuditLog;
