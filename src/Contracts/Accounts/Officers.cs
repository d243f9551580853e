using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>
/// An appointment as acting head: <paramref name="Kind"/> is "Plt" (pelaksana tugas) or "Plh" (pelaksana harian);
/// during [<paramref name="From"/>, <paramref name="Until"/>) the officer holds <paramref name="Role"/> and signs as "Plt. …".
/// </summary>
public sealed record ActingAppointment(string Role, string Kind, DateTimeOffset From, DateTimeOffset Until);

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

/// <summary>Deactivates an officer: no more logins, and every token issued before is refused.</summary>
public sealed record DeactivateOfficer(Guid OfficerId, string Administrator);

public sealed record ReactivateOfficer(Guid OfficerId, string Administrator);

/// <summary>A new one-time password is emailed; older sessions end.</summary>
public sealed record ResetOfficerPassword(Guid OfficerId, string Administrator);

/// <summary>The officer accounts, for the administrator. Replies <see cref="OfficerList"/>.</summary>
public sealed record GetOfficers;

public sealed record OfficerList(IReadOnlyList<OfficerInfo> Items);

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

/// <summary>
/// An officer account was created or changed. Workflow keeps the officers' addresses from it (escalation emails).
/// </summary>
[EntityName("ptsp.officer-changed.v1")]
[MessageUrn("ptsp:officer-changed:v1")]
public sealed record OfficerChanged(
    Guid OfficerId,
    string Username,
    string FullName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Sectors,
    bool Active,
    DateTimeOffset ChangedAt);

/// <summary>
/// Every access token of <paramref name="Username"/> that does not carry <paramref name="SecurityStamp"/> is void from
/// <paramref name="ChangedAt"/> on (deactivation, password reset, role change). Each Gateway keeps the latest per user.
/// </summary>
[EntityName("ptsp.sessions-ended.v1")]
[MessageUrn("ptsp:sessions-ended:v1")]
public sealed record SessionsEnded(string Username, string SecurityStamp, DateTimeOffset ChangedAt);

/// <summary>A Gateway starting asks Registration for every account's current stamp. Replies <see cref="SessionStampList"/>.</summary>
public sealed record GetSessionStamps;

public sealed record SessionStampList(IReadOnlyList<SessionsEnded> Items);

/// <summary>"Lupa kata sandi": emails a single-use reset link if the address belongs to an active account. Always accepted.</summary>
public sealed record RequestPasswordReset(string? Email);

/// <summary>Sets a new password with the token from the reset link. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ConfirmPasswordReset(string? Token, string? NewPassword);
