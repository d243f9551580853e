namespace Ptsp.Contracts.Accounts;

/// <summary>A signed-in user replaces their password. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ChangePassword(string Username, string CurrentPassword, string NewPassword);
