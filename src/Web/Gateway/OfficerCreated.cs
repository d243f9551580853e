namespace Ptsp.Web.Gateway;

public sealed record OfficerCreated(Guid OfficerId);
