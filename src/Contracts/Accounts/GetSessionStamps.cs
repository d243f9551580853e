namespace Ptsp.Contracts.Accounts;

/// <summary>A Gateway starting asks Registration for every account's current stamp. Replies <see cref="SessionStampList"/>.</summary>
public sealed record GetSessionStamps;
