namespace Ptsp.Contracts.Accounts;

/// <summary>
/// The administrator creates an officer account; a one-time password is emailed. Fields come as the caller sent
/// them (Registration validates). Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.
/// </summary>
public sealed record CreateOfficer(
    Guid OfficerId,
    string Administrator,
    string? Username,
    string? FullName,
    string? Nip,
    string? Email,
    string? Position,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<ActingAppointment>? ActingAppointments);
