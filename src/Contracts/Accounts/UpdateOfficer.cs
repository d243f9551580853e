namespace Ptsp.Contracts.Accounts;

/// <summary>The administrator changes an officer's name, NIP, email, position, roles, sectors or acting appointments.</summary>
public sealed record UpdateOfficer(
    Guid OfficerId,
    string Administrator,
    string? FullName,
    string? Nip,
    string? Email,
    string? Position,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<ActingAppointment>? ActingAppointments);
