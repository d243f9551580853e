namespace Ptsp.Web.Gateway;

public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long? NextBefore);
