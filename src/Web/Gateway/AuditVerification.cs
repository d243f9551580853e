namespace Ptsp.Web.Gateway;

public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? Reason);
