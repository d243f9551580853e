namespace Ptsp.Contracts.Accounts;

public sealed record OfficerInfo(
    Guid OfficerId,
    string Username,
    string FullName,
    string? Nip,
    string? Email,
    string? Position,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<ActingAppointment> ActingAppointments,
    bool Active,
    bool MustChangePassword);
