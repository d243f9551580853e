namespace Ptsp.Contracts.Permits;

public sealed record RequirementInfo(string Code, string Name);
