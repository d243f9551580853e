namespace Ptsp.Contracts.Accounts;

public sealed record SessionStampList(IReadOnlyList<SessionsEnded> Items);
