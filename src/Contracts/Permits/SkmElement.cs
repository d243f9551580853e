namespace Ptsp.Contracts.Permits;

public sealed record SkmElement(string Code, string Name, decimal? Average);
