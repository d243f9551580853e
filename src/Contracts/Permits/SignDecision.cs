namespace Ptsp.Contracts.Permits;

/// <summary>Step 10: the agency head signs, or sends the draft back with a note.</summary>
public sealed record SignDecision(Guid ApplicationId, string Officer, string OfficerName, bool? Approve, string? Note, OfficerIdentity? OfficerIdentity = null);
