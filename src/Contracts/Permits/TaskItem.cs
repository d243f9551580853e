namespace Ptsp.Contracts.Permits;

/// <summary>
/// <paramref name="StatutoryDeadlinePassed"/>: the permit type's statutory service time ran out without a decision (the officers' warning).
/// The permit type and the business name let a worklist name each file without reading it (added in v1, empty from an older Workflow).
/// </summary>
public sealed record TaskItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue, bool StatutoryDeadlinePassed = false,
    string PermitTypeCode = "", string PermitTypeName = "", string BusinessName = "");
