namespace Ptsp.Contracts.Accounts;

/// <summary>Login. Replies <see cref="UserAuthenticated"/> or <c>CommandRefused</c> (Unauthorized, Throttled).</summary>
public sealed record AuthenticateUser(string Username, string Password);

public sealed record UserAuthenticated(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string Username,
    IReadOnlyList<string> Roles,
    bool MustChangePassword);

/// <summary>A signed-in user replaces their password. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ChangePassword(string Username, string CurrentPassword, string NewPassword);
