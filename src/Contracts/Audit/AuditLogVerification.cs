namespace Ptsp.Contracts.Audit;

/// <summary>
/// <paramref name="Valid"/> when every entry's hash is SHA-256(previous hash + the entry) and the sequence has no gap;
/// otherwise <paramref name="FirstBrokenSequence"/> names the first entry that does not hold, and <paramref name="Reason"/> why.
/// </summary>
public sealed record AuditLogVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? Reason);
