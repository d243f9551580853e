namespace Ptsp.Contracts.Permits;

public sealed record PermitTypeList(IReadOnlyList<PermitTypeInfo> Items);
