namespace Ptsp.Web.Gateway;

public sealed record ApplicationCreatedView(Guid ApplicationId);
