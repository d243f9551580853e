namespace Ptsp.Web.Gateway;

public sealed record BusinessDataView(string BusinessName, string BusinessAddress, string Description);
