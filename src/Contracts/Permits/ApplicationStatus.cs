namespace Ptsp.Contracts.Permits;

public sealed record ApplicationStatus(
    Guid ApplicationId,
    string ApplicantUsername,
    string PermitTypeCode,
    string BusinessName,
    string Status,
    int? CurrentStep,
    string? AssignedRole,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? ReceiptNumber,
    DecisionKind? DecisionKind,
    string? DocumentNumber,
    IReadOnlyList<HistoryEntry> History,
    ServiceClock Clock);
