namespace Ptsp.Contracts.Accounts;

public sealed record OfficerList(IReadOnlyList<OfficerInfo> Items);
