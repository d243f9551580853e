namespace Ptsp.Web.Gateway;

/// <summary><see cref="Authentic"/>: exactly the issued file; <see cref="Valid"/>: authentic and not revoked.</summary>
public sealed record VerificationVerdictView(bool Authentic, string Reason, string? DocumentNumber, string Sha256, bool? SignatureIntact, bool Valid = false,
    DateTimeOffset? RevokedAt = null, string? RevocationReason = null);
