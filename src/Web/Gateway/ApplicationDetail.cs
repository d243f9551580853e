namespace Ptsp.Web.Gateway;

public sealed record ApplicationDetail(Guid ApplicationId, string ApplicantUsername, string PermitTypeCode, string? BusinessName, string Status,
    int? CurrentStep, string? AssignedRole, DateTimeOffset? DueAt, bool Overdue, string? ReceiptNumber, Decision? Decision,
    IReadOnlyList<HistoryEntryView> History, ApplicationClock? Clock, string? StatutoryWarning = null,
    int? WorkingMinutesLeft = null, int? WorkingMinutesOverdue = null);
