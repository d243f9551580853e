namespace Ptsp.Contracts.Permits;

public sealed record BusinessData(Guid ApplicationId, string BusinessName, string BusinessAddress, string Description);
