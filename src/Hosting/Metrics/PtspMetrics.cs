using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Metrics;

/// <summary>
/// The <c>Ptsp</c> meter: what the SOP and the plumbing do, exported at <c>/metrics</c> under these Prometheus names (ADR 0016;
/// counters gain <c>_total</c>, histograms <c>_bucket</c>/<c>_sum</c>/<c>_count</c>). <c>ops/grafana/ptsp.json</c> queries them.
/// Recording is a few additions in memory: nothing here reads a store on a message's path.
/// </summary>
public static class PtspMetrics
{
    public const string MeterName = "Ptsp";

    static readonly Meter Meter = new(MeterName);

    /// <summary>A permit file entered an SOP step (3–10): <c>permit_type</c>, <c>step</c>, <c>role</c> (who must act; empty while a service opens it).</summary>
    public static readonly Counter<long> StepsEntered = Meter.CreateCounter<long>("ptsp_permit_steps_entered", null,
        "Permit files that entered an SOP step, as stored by Workflow.");

    /// <summary>An officer's step ended (what the SLA report counts): <c>permit_type</c>, <c>step</c>, <c>role</c>, <c>overdue</c> (true/false).</summary>
    public static readonly Counter<long> StepsCompleted = Meter.CreateCounter<long>("ptsp_permit_steps_completed", null,
        "Officers' SOP steps that ended, within or over their target.");

    /// <summary>The working time an ended step used, in working minutes (the agency's calendar): <c>permit_type</c>, <c>step</c>.</summary>
    public static readonly Histogram<double> StepWorkingTime = Meter.CreateHistogram("ptsp_permit_step_working_time_minutes", "min",
        "Working time used by each ended step, in working minutes.", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 240, 450, 900, 2250, 4500, 9000] });

    /// <summary>The ended step's working time over its target (1 = exactly the target): <c>permit_type</c>, <c>step</c>.</summary>
    public static readonly Histogram<double> StepTargetUsed = Meter.CreateHistogram("ptsp_permit_step_target_used_ratio", null,
        "Working time used by each ended step divided by its target (above 1: over target).", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 0.8, 1, 1.25, 1.5, 2, 4] });

    /// <summary>The escalation ladder fired: <c>permit_type</c>, <c>step</c>, <c>level</c> (first_warning, second_warning, breach, statutory).</summary>
    public static readonly Counter<long> Alerts = Meter.CreateCounter<long>("ptsp_permit_alerts", null,
        "Deadline warnings and breaches fired by the permit saga (the statutory deadline as level statutory).");

    /// <summary>A permit file reached its end: <c>permit_type</c>, <c>outcome</c> (issued, rejected, withdrawn, revoked).</summary>
    public static readonly Counter<long> PermitsFinished = Meter.CreateCounter<long>("ptsp_permits_finished", null,
        "Permit files that were issued, rejected, withdrawn or revoked.");

    /// <summary>Seconds, from a millisecond to a minute: the plumbing's waits (outbox, hand-over, queue).</summary>
    static readonly InstrumentAdvice<double> WaitBuckets = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    /// <summary>
    /// How long a delivered outbox message waited between the write that stored it and the start of its delivery:
    /// <c>kind</c> (publish, send, mail), <c>message_type</c>. Only messages this process wrote (<see cref="Outbox.OutboxWriteTimes"/>).
    /// </summary>
    static readonly Histogram<double> OutboxDelay = Meter.CreateHistogram("ptsp_outbox_delivery_delay_seconds", "s",
        "Time from the write that stored an outbox message to the start of its delivery, per kind and message type.", null,
        WaitBuckets);

    /// <summary>
    /// How long the delivery itself took: for the bus, the publish or send until the broker confirmed it; for mail, the
    /// transport's send. Same labels. The part of a hop that MassTransit's own meter does not show.
    /// </summary>
    static readonly Histogram<double> OutboxHandOver = Meter.CreateHistogram("ptsp_outbox_handover_seconds", "s",
        "Time an outbox message's delivery took (a publish or send until the broker confirmed it, or a mail's send), per kind and message type.", null,
        WaitBuckets);

    /// <summary>How long a consumed message waited between its hand-over to the bus and the start of its consumer or saga: <c>message_type</c>.</summary>
    static readonly Histogram<double> QueueWait = Meter.CreateHistogram("ptsp_bus_queue_wait_seconds", "s",
        "Time from a message's hand-over to the bus (its SentTime) to the start of its consumer or saga, per message type.", null,
        WaitBuckets);

    static readonly ConcurrentDictionary<(string Store, string Collection), (OutboxBacklog Backlog, double AgeSeconds)> Backlogs = new();

    static readonly ConcurrentDictionary<(string Keeper, string Source), long> Faults = new();

    static PtspMetrics()
    {
        // An observable counter over in-memory counts, so each keeper's series is there from the start at 0 (rate() and alerts need that).
        Meter.CreateObservableCounter("ptsp_faults_recorded", () => Faults.Select(f =>
                new Measurement<long>(f.Value, new("keeper", f.Key.Keeper), new("source", f.Key.Source))),
            null, "Messages whose consumer failed after its retries, and outbox entries given up on, recorded as faults (ADR 0014): keeper, source.");
        Meter.CreateObservableGauge("ptsp_outbox_pending_messages", () => Backlogs.Select(b =>
                new Measurement<long>(b.Value.Backlog.Messages, new("store", b.Key.Store), new("collection", b.Key.Collection))),
            null, "Outbox messages stored but not yet delivered, per collection (read at each scrape).");
        Meter.CreateObservableGauge("ptsp_outbox_oldest_age_seconds", () => Backlogs.Select(b =>
                new Measurement<double>(b.Value.AgeSeconds, new("store", b.Key.Store), new("collection", b.Key.Collection))),
            "s", "How long the oldest undelivered outbox message of the collection has waited (0: none waits).");
    }

    /// <summary>This process keeps faults under <paramref name="keeper"/>: its fault counts start at 0.</summary>
    public static void FaultKeeperStarted(string keeper)
    {
        Faults.TryAdd((keeper, "consume"), 0);
        Faults.TryAdd((keeper, "outbox"), 0);
    }

    /// <summary>A fault was recorded by <paramref name="keeper"/> from <paramref name="source"/> (consume or outbox).</summary>
    public static void FaultRecorded(string keeper, string source) => Faults.AddOrUpdate((keeper, source), 1, (_, n) => n + 1);

    /// <summary>A message of <paramref name="messageType"/> reached its consumer after <paramref name="waited"/> on the bus.</summary>
    public static void QueueWaited(string messageType, TimeSpan waited) =>
        QueueWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("message_type", messageType));

    /// <summary>An outbox message was delivered after waiting <paramref name="waited"/> since its write (null: not written here), taking <paramref name="took"/>.</summary>
    public static void OutboxDelivered(OutboxMessage message, TimeSpan? waited, TimeSpan took)
    {
        KeyValuePair<string, object?> kind = new("kind", message.Kind), type = new("message_type", ShortType(message.Type));
        if (waited is { } wait)
            OutboxDelay.Record(Math.Max(0, wait.TotalSeconds), kind, type);
        OutboxHandOver.Record(Math.Max(0, took.TotalSeconds), kind, type);
    }

    static readonly ConcurrentDictionary<string, string> ShortTypes = new(StringComparer.Ordinal);

    /// <summary>A stored type's contract name, as MassTransit's meter labels it: "urn:message:ptsp:application-progressed:v1" → "ApplicationProgressed".</summary>
    static string ShortType(string type) => ShortTypes.GetOrAdd(type, static stored =>
    {
        try
        {
            return MessageTypes.Resolve(stored).Name;
        }
        catch (InvalidOperationException)
        {
            // Not known in this process (it was still delivered by its handler): the URN's last part.
            return stored[(stored.LastIndexOfAny([':', '.', '+']) + 1)..];
        }
    });

    /// <summary>The backlog just read from a collection, shown by the outbox gauges until the next read.</summary>
    public static void ObserveBacklog(string store, string collection, OutboxBacklog backlog, DateTimeOffset now) =>
        Backlogs[(store, collection)] = (backlog, backlog.OldestSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0);
}
