namespace Ptsp.Contracts.Accounts;

/// <summary>Sets a new password with the token from the reset link. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ConfirmPasswordReset(string? Token, string? NewPassword);
