namespace Ptsp.Registration.Accounts;

/// <summary>
/// After <see cref="MaxFailures"/> wrong passwords within <see cref="Window"/>, a username is locked for
/// <see cref="Lockout"/>: further attempts answer 429 without checking the password. Kept in the store,
/// so every Registration replica sees the same count.
/// </summary>
public sealed class LoginThrottle(AccountStore store, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>How long the username stays locked, or null when it may try.</summary>
    public async Task<TimeSpan?> LockedForAsync(string username, CancellationToken cancellationToken)
    {
        var attempts = await (await store.LoginAttemptsAsync(cancellationToken)).FindAsync(Key(username), cancellationToken);
        var now = time.GetUtcNow();
        return attempts?.Document.LockedUntil is { } until && until > now ? until - now : null;
    }

    public async Task RecordFailureAsync(string username, CancellationToken cancellationToken)
    {
        var collection = await store.LoginAttemptsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var stored = await collection.FindAsync(Key(username), cancellationToken);
        var attempts = stored?.Document ?? new LoginAttempts();
        attempts.Failures.RemoveAll(f => f < now - Window);
        attempts.Failures.Add(now);
        if (attempts.Failures.Count >= MaxFailures)
        {
            attempts.LockedUntil = now + Lockout;
            attempts.Failures.Clear();
        }

        if (stored is null)
            await collection.InsertAsync(Key(username), attempts, cancellationToken: cancellationToken);
        else
            await collection.ReplaceAsync(Key(username), attempts, stored.Version, cancellationToken: cancellationToken);
    }

    public async Task ResetAsync(string username, CancellationToken cancellationToken)
    {
        var collection = await store.LoginAttemptsAsync(cancellationToken);
        if (await collection.FindAsync(Key(username), cancellationToken) is { } stored)
            await collection.DeleteAsync(stored.Id, stored.Version, cancellationToken);
    }

    static string Key(string username) => username.Trim().ToLowerInvariant();
}
