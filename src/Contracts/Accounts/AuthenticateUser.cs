namespace Ptsp.Contracts.Accounts;

/// <summary>Login. Replies <see cref="UserAuthenticated"/> or <c>CommandRefused</c> (Unauthorized, Throttled).</summary>
public sealed record AuthenticateUser(string Username, string Password);
