namespace Ptsp.Web.Gateway;

public sealed record NewApplication(string PermitTypeCode, string BusinessName, string BusinessAddress, string Description);
