namespace Ptsp.Registration.Accounts;

/// <summary>Failed logins for one username (whether or not it exists, so the answer leaks nothing).</summary>
public sealed class LoginAttempts
{
    public List<DateTimeOffset> Failures { get; set; } = [];

    public DateTimeOffset? LockedUntil { get; set; }
}
