namespace Ptsp.Web.Gateway;

public sealed record PendingRegistration(Guid RegistrationId, string FullName, string Nik, string Email, DateTimeOffset SubmittedAt, DateTimeOffset DueAt,
    bool Overdue);
