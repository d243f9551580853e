namespace Ptsp.Web.Gateway;

public sealed record AuditItem(long Sequence, DateTimeOffset At, string? Username, string? Role, string Action, Guid? ApplicationId, string? Target,
    string? ClientAddress, int Status, string Outcome, string PreviousHash, string Hash);
