namespace Ptsp.Contracts.Permits;

/// <summary><paramref name="Valid"/>: signed, unaltered and not revoked; a revoked permit names when and why.</summary>
public sealed record DecisionVerification(
    string DocumentNumber,
    DecisionKind Kind,
    Guid ApplicationId,
    string HolderName,
    string BusinessName,
    string PermitTypeName,
    DateTimeOffset SignedAt,
    string SignerName,
    string Sha256,
    bool Valid,
    DateTimeOffset? RevokedAt = null,
    string? RevocationReason = null);
