using System.Collections.Concurrent;
using Ptsp.Contracts.Accounts;

namespace Ptsp.Gateway.Sessions;

/// <summary>
/// Ends sessions before their tokens expire (ADR 0010). Registration gives an account a new security stamp when it is
/// deactivated, its password is reset or its roles change, and publishes <see cref="SessionsEnded"/>; every Gateway keeps the
/// latest stamp per user (from the event, and from <see cref="GetSessionStamps"/> at start, so a restarted Gateway knows
/// too) and refuses a token whose <c>sst</c> claim differs. Users whose stamp never changed are not listed.
/// </summary>
public sealed class SessionStamps
{
    readonly ConcurrentDictionary<string, SessionsEnded> _latest = new(StringComparer.OrdinalIgnoreCase);
    readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a request waits for the start-up list before it is refused rather than let through unchecked.</summary>
    public static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(20);

    public bool Loaded => _loaded.Task.IsCompleted;

    public void Apply(SessionsEnded stamp) =>
        _latest.AddOrUpdate(stamp.Username, stamp, (_, current) => stamp.ChangedAt >= current.ChangedAt ? stamp : current);

    public void Load(IEnumerable<SessionsEnded> stamps)
    {
        foreach (var stamp in stamps)
            Apply(stamp);
        _loaded.TrySetResult();
    }

    /// <summary>False when the token's stamp is not the user's current one, or the list could not be learnt in time (fail closed).</summary>
    public async Task<bool> AllowsAsync(string? username, string? stamp, CancellationToken cancellationToken)
    {
        if (username is null)
            return false;
        if (!_loaded.Task.IsCompleted)
        {
            try
            {
                await _loaded.Task.WaitAsync(LoadWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        return !_latest.TryGetValue(username, out var current) || current.SecurityStamp == stamp;
    }
}
