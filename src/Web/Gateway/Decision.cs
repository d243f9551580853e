namespace Ptsp.Web.Gateway;

public sealed record Decision(string Kind, string DocumentNumber);
