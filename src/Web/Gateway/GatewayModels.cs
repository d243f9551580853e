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
    IReadOnlyList<HistoryEntry> History, ApplicationClock? Clock);

public sealed record UploadedDocument(Guid DocumentId, string Sha256);

public sealed record VerificationAnswer(string DocumentNumber, string Kind, Guid ApplicationId, string HolderName, string BusinessName,
    DateTimeOffset SignedAt, string SignerName, string Sha256, bool Valid, string? PermitTypeName);

public sealed record VerificationVerdict(bool Authentic, string Reason, string? DocumentNumber, string Sha256, bool? SignatureIntact);

public sealed record WorkItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue);

public sealed record PendingRegistration(Guid RegistrationId, string FullName, string Nik, string Email, DateTimeOffset SubmittedAt, DateTimeOffset DueAt,
    bool Overdue);

public sealed record PasswordResetRequested(string Message);

public sealed record ActingAppointment(string Role, string Kind, DateTimeOffset From, DateTimeOffset Until);

public sealed record Officer(Guid OfficerId, string Username, string FullName, string? Nip, string? Email, string? Position, List<string> Roles,
    List<string> Sectors, List<ActingAppointment> ActingAppointments, bool Active, bool MustChangePassword);

public sealed record OfficerForm(string? Username, string? FullName, string? Nip, string? Email, string? Position, List<string> Roles,
    List<string> Sectors, List<ActingAppointment> ActingAppointments);

public sealed record OfficerCreated(Guid OfficerId);
