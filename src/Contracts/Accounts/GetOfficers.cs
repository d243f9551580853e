namespace Ptsp.Contracts.Accounts;

/// <summary>The officer accounts, for the administrator. Replies <see cref="OfficerList"/>.</summary>
public sealed record GetOfficers;
