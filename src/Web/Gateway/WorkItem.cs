namespace Ptsp.Web.Gateway;

public sealed record WorkItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue, string? StatutoryWarning = null,
    int? WorkingMinutesLeft = null, int? WorkingMinutesOverdue = null, string PermitTypeCode = "", string PermitTypeName = "", string? BusinessName = null);
