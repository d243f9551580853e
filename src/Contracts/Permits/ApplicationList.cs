namespace Ptsp.Contracts.Permits;

public sealed record ApplicationList(IReadOnlyList<ApplicationListItem> Items);
