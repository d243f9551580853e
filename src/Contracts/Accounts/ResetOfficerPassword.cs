namespace Ptsp.Contracts.Accounts;

/// <summary>A new one-time password is emailed; older sessions end.</summary>
public sealed record ResetOfficerPassword(Guid OfficerId, string Administrator);
