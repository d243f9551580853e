namespace Ptsp.Web.Gateway;

public sealed record VerificationAnswer(string DocumentNumber, string Kind, Guid ApplicationId, string HolderName, string BusinessName,
    DateTimeOffset SignedAt, string SignerName, string Sha256, bool Valid, string? PermitTypeName, DateTimeOffset? RevokedAt = null,
    string? RevocationReason = null);
