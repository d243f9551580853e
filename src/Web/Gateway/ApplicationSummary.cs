namespace Ptsp.Web.Gateway;

public sealed record ApplicationSummary(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);
