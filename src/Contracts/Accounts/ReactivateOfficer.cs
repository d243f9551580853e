namespace Ptsp.Contracts.Accounts;

public sealed record ReactivateOfficer(Guid OfficerId, string Administrator);
