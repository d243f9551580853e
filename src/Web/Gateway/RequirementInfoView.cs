namespace Ptsp.Web.Gateway;

public sealed record RequirementInfoView(string Code, string Name);
