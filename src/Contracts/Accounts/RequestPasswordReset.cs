namespace Ptsp.Contracts.Accounts;

/// <summary>"Lupa kata sandi": emails a single-use reset link if the address belongs to an active account. Always accepted.</summary>
public sealed record RequestPasswordReset(string? Email);
