namespace Ptsp.Contracts.Accounts;

public sealed record RegistrationListItem(
    Guid RegistrationId,
    string FullName,
    string Nik,
    string Email,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DueAt,
    bool Overdue);
