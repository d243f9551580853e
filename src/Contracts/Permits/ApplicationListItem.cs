namespace Ptsp.Contracts.Permits;

public sealed record ApplicationListItem(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);
