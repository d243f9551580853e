namespace Ptsp.Contracts.Accounts;

/// <summary>Deactivates an officer: no more logins, and every token issued before is refused.</summary>
public sealed record DeactivateOfficer(Guid OfficerId, string Administrator);
