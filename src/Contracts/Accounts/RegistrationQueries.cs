namespace Ptsp.Contracts.Accounts;

/// <summary>The FrontOffice worklist for step 2, answered by Workflow from the registration sagas.</summary>
public sealed record GetRegistrations(string Status);

public sealed record RegistrationList(IReadOnlyList<RegistrationListItem> Items);

public sealed record RegistrationListItem(
    Guid RegistrationId,
    string FullName,
    string Nik,
    string Email,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DueAt,
    bool Overdue);
