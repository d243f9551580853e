namespace Ptsp.Contracts.Permits;

/// <summary>
/// The agency head revokes a signed permit (after step 10), with a reason. Signing, the owner of decisions, replies
/// CommandAccepted or CommandRefused (not a signed permit, no reason, already revoked).
/// </summary>
public sealed record RevokePermit(Guid ApplicationId, string Officer, string OfficerName, string? Reason);
