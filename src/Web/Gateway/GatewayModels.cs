namespace Ptsp.Web.Gateway;

// The Gateway's API v1 answers (api.md), as this client reads them. Enums stay strings: the API may add values.

public sealed record LoginAnswer(string AccessToken, DateTimeOffset ExpiresAt, string Username, IReadOnlyList<string> Roles, bool MustChangePassword);

public sealed record RegistrationForm(string FullName, string Nik, string Email, string Phone, string Address, string? Npwp);

public sealed record RegistrationCreated(Guid RegistrationId);

public sealed record RequirementInfo(string Code, string Name);

public sealed record TechnicalReviewInfo(string Kind, int WorkingDays);

public sealed record PermitType(string Code, string Name, IReadOnlyList<RequirementInfo> RequiredDocuments, TechnicalReviewInfo TechnicalReview,
    int? StatutoryWorkingDays);

public sealed record NewApplication(string PermitTypeCode, string BusinessName, string BusinessAddress, string Description);

public sealed record ApplicationCreated(Guid ApplicationId);

public sealed record ApplicationSummary(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);

public sealed record Decision(string Kind, string DocumentNumber);

public sealed record HistoryEntry(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);

public sealed record ClockPause(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);

public sealed record ApplicationClock(double AgencyWorkingMinutes, double ApplicantWorkingMinutes, IReadOnlyList<ClockPause> Pauses,
    DateTimeOffset? StatutoryDueAt, bool StatutoryDeadlinePassed);

public sealed record ApplicationDetail(Guid ApplicationId, string ApplicantUsername, string PermitTypeCode, string? BusinessName, string Status,
    int? CurrentStep, string? AssignedRole, DateTimeOffset? DueAt, bool Overdue, string? ReceiptNumber, Decision? Decision,
    IReadOnlyList<HistoryEntry> History, ApplicationClock? Clock, string? StatutoryWarning = null,
    int? WorkingMinutesLeft = null, int? WorkingMinutesOverdue = null);

public sealed record UploadedDocumentView(string RequirementCode, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

public sealed record ReviewSessionView(string Kind, DateTimeOffset ScheduledAt, string Location, int Changes);

public sealed record InspectionReportView(string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record TechnicalFileView(Guid ApplicationId, IReadOnlyDictionary<string, string> Data, string DefaultKind, int WorkingDays, string? Kind,
    IReadOnlyList<ReviewSessionView> Sessions, DateTimeOffset? ReviewDueAt, string? ScheduledBy, InspectionReportView? InspectionReport,
    string? Recommendation, string? Notes, string? RecommendedBy, DateTimeOffset? RecommendedAt);

public sealed record UploadedDocument(Guid DocumentId, string Sha256);

public sealed record VerificationAnswer(string DocumentNumber, string Kind, Guid ApplicationId, string HolderName, string BusinessName,
    DateTimeOffset SignedAt, string SignerName, string Sha256, bool Valid, string? PermitTypeName, DateTimeOffset? RevokedAt = null,
    string? RevocationReason = null);

/// <summary><see cref="Authentic"/>: exactly the issued file; <see cref="Valid"/>: authentic and not revoked.</summary>
public sealed record VerificationVerdict(bool Authentic, string Reason, string? DocumentNumber, string Sha256, bool? SignatureIntact, bool Valid = false,
    DateTimeOffset? RevokedAt = null, string? RevocationReason = null);

public sealed record TrackingStep(int Step, string Name, DateTimeOffset At);

public sealed record TrackingAnswer(string ReceiptNumber, string PermitTypeCode, string PermitTypeName, string Status, string StatusText, int? CurrentStep,
    string? CurrentStepName, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? DecidedAt, IReadOnlyList<TrackingStep> Timeline);

public sealed record SurveyInvitation(Guid ApplicationId, bool Open, DateTimeOffset? AnsweredAt);

public sealed record WorkItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue, string? StatutoryWarning = null,
    int? WorkingMinutesLeft = null, int? WorkingMinutesOverdue = null, string PermitTypeCode = "", string PermitTypeName = "", string? BusinessName = null);

public sealed record PendingRegistration(Guid RegistrationId, string FullName, string Nik, string Email, DateTimeOffset SubmittedAt, DateTimeOffset DueAt,
    bool Overdue);

public sealed record BusinessDataView(string BusinessName, string BusinessAddress, string Description);

/// <summary>The agency's working calendar for a year (issue 15): the week's windows, holidays, special working hours.</summary>
public sealed record CalendarView(int Year, long Revision, string TimeZone, IReadOnlyDictionary<string, string> Week, IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyList<WorkingHoursPeriod> Overrides, string? ChangedBy, DateTimeOffset? ChangedAt);

public sealed record CalendarHoliday(DateOnly Date, string Name);

public sealed record WorkingHoursPeriod(string Name, DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> Week);

public sealed record CalendarYear(IReadOnlyList<CalendarHoliday> Holidays, IReadOnlyList<WorkingHoursPeriod> Overrides);
public sealed record PasswordResetRequested(string Message);

public sealed record ActingAppointment(string Role, string Kind, DateTimeOffset From, DateTimeOffset Until);

public sealed record Officer(Guid OfficerId, string Username, string FullName, string? Nip, string? Email, string? Position, List<string> Roles,
    List<string> Sectors, List<ActingAppointment> ActingAppointments, bool Active, bool MustChangePassword);

public sealed record OfficerForm(string? Username, string? FullName, string? Nip, string? Email, string? Position, List<string> Roles,
    List<string> Sectors, List<ActingAppointment> ActingAppointments);

public sealed record OfficerCreated(Guid OfficerId);

public sealed record AuditItem(long Sequence, DateTimeOffset At, string? Username, string? Role, string Action, Guid? ApplicationId, string? Target,
    string? ClientAddress, int Status, string Outcome, string PreviousHash, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long? NextBefore);

public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSequence, string? Reason);

/// <summary>The SLA report (GET /api/v1/reports/sla): rows by "step", "role" and "permitType"; times in working minutes.</summary>
public sealed record SlaReportView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRowView> Rows);

/// <summary><see cref="MeanMinutes"/> against <see cref="MeanTargetMinutes"/>: the working time its steps used on average and their average target.</summary>
public sealed record SlaRowView(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes,
    double? MeanMinutes = null, double? MeanTargetMinutes = null);

/// <summary>GET /api/v1/ops/faults: open faults of every service, newest first; <see cref="Unreachable"/> names the services that did not answer.</summary>
public sealed record FaultsView(IReadOnlyList<FaultView> Faults, IReadOnlyList<string> Unreachable);

public sealed record FaultView(string Id, string Keeper, string Source, string Queue, Guid? MessageId, string MessageType, string? ApplicationId,
    string ExceptionType, string ExceptionMessage, string? StackTrace, int Attempts, DateTimeOffset OccurredAt, string Status, string? ResolvedBy,
    DateTimeOffset? ResolvedAt);
