using System.Threading.Channels;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;

namespace Ptsp.Gateway.Stream;

/// <summary>
/// What the push channel knows: the recent <see cref="ApplicationProgressed"/> events this Gateway received (every
/// Gateway receives all of them on a queue of its own), and the open streams with whom each belongs to. An event id is
/// made from the event itself (time, application, version), so it is the same on every Gateway and a client can resume
/// on any of them with <c>Last-Event-ID</c>.
/// </summary>
public sealed class ChangeFeed(TimeProvider time)
{
    /// <summary>How many recent events a reconnecting client can resume from.</summary>
    public const int Remembered = 20_000;

    /// <summary>A stream that cannot keep up is closed (the client resumes with its last id) rather than holding memory.</summary>
    const int StreamBacklog = 2_000;

    readonly Lock _lock = new();
    readonly LinkedList<Change> _recent = new();
    readonly HashSet<string> _ids = [];
    readonly List<Subscription> _subscriptions = [];
    readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>Takes one event in (a repeat of an id already held is dropped) and hands it to every stream it concerns.</summary>
    public void Add(ApplicationProgressed message)
    {
        var change = new Change(Change.IdOf(message), message);
        lock (_lock)
        {
            if (!_ids.Add(change.Id))
                return;
            _recent.AddLast(change);
            if (_recent.Count > Remembered)
            {
                _ids.Remove(_recent.First!.Value.Id);
                _recent.RemoveFirst();
            }

            foreach (var subscription in _subscriptions)
            {
                if (subscription.Audience.Concerns(message) && !subscription.Writer.TryWrite(change))
                    subscription.Writer.TryComplete();
            }
        }
    }

    /// <summary>
    /// Opens a stream for <paramref name="audience"/>: first what it missed after <paramref name="lastEventId"/> (in id
    /// order), then every new change. <see cref="Subscription.ResetNeeded"/> says the missed part could not be recovered
    /// (the id is older than what this Gateway remembers), so the client should reload its lists.
    /// </summary>
    public Subscription Subscribe(Audience audience, string? lastEventId)
    {
        var channel = Channel.CreateBounded<Change>(new BoundedChannelOptions(StreamBacklog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var resetNeeded = false;
        lock (_lock)
        {
            if (lastEventId is not null)
            {
                var missed = _recent.Where(c => string.CompareOrdinal(c.Id, lastEventId) > 0 && audience.Concerns(c.Message))
                    .OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
                resetNeeded = !Change.TryParseTime(lastEventId, out var since) || since < OldestKnown() || missed.Count > StreamBacklog;
                if (!resetNeeded)
                {
                    foreach (var change in missed)
                        channel.Writer.TryWrite(change);
                }
            }

            var subscription = new Subscription(this, audience, channel, resetNeeded);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Events after this time are all here: since start-up, or since the oldest one still remembered once the buffer is full.</summary>
    DateTimeOffset OldestKnown() => _recent.Count >= Remembered ? _recent.First!.Value.Message.At : _startedAt;

    void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
            _subscriptions.Remove(subscription);
    }

    public sealed record Change(string Id, ApplicationProgressed Message)
    {
        /// <summary>Ordered by time, then application and version; the same on every Gateway.</summary>
        public static string IdOf(ApplicationProgressed m) => $"{m.At.UtcTicks:D19}-{m.ApplicationId:N}-{m.Version:D10}";

        public static bool TryParseTime(string id, out DateTimeOffset at)
        {
            at = default;
            if (id.Length < 19 || !long.TryParse(id.AsSpan(0, 19), out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks ||
                ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            at = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
    }

    /// <summary>Who a stream is for: an applicant follows their own applications; an officer the worklists of their roles.</summary>
    public sealed record Audience(string Username, IReadOnlySet<string> OfficerRoles)
    {
        public bool Concerns(ApplicationProgressed m) =>
            OfficerRoles.Count == 0
                ? m.ApplicantUsername == Username
                : (m.AssignedRole is { } to && OfficerRoles.Contains(to)) || (m.PreviousRole is { } from && OfficerRoles.Contains(from)) ||
                  m.ApplicantUsername == Username;

        public static Audience Of(System.Security.Claims.ClaimsPrincipal user) =>
            new(user.Identity?.Name ?? "", Roles.Officers.Where(user.IsInRole).ToHashSet());
    }

    public sealed class Subscription(ChangeFeed feed, Audience audience, Channel<Change> channel, bool resetNeeded) : IDisposable
    {
        public Audience Audience { get; } = audience;

        public bool ResetNeeded { get; } = resetNeeded;

        internal ChannelWriter<Change> Writer => channel.Writer;

        public ChannelReader<Change> Reader => channel.Reader;

        public void Dispose() => feed.Unsubscribe(this);
    }
}
