namespace Ptsp.Contracts.Accounts;

public sealed record UserAuthenticated(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string Username,
    IReadOnlyList<string> Roles,
    bool MustChangePassword);
