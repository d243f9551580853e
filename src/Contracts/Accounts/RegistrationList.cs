namespace Ptsp.Contracts.Accounts;

public sealed record RegistrationList(IReadOnlyList<RegistrationListItem> Items);
