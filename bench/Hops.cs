using System.Globalization;
using System.Text.RegularExpressions;

namespace Ptsp.Bench;

/// <summary>
/// Where an action's time goes between the processes (issue 12: "find it with a trace of one action's hops"), read from
/// each process's <c>/metrics</c> before and after the run, per message type:
/// <list type="bullet">
/// <item><b>outbox</b>: from the write that stored the message to the start of its delivery (<c>ptsp_outbox_delivery_delay_seconds</c>,
/// recorded by the sender's outbox dispatcher);</item>
/// <item><b>hand-over</b>: the delivery itself, a publish or send until the broker confirmed it (<c>ptsp_outbox_handover_seconds</c>);</item>
/// <item><b>queue</b>: from that hand-over to the moment its consumer or saga starts on it — the broker and the consumer's
/// queue (<c>ptsp_bus_queue_wait_seconds</c>, in the consumer's process);</item>
/// <item><b>consume</b>: the consumer's, saga's or handler's own time, its store reads and writes included (MassTransit's
/// <c>consume_duration</c>, <c>saga_duration</c>, <c>handler_duration</c>).</item>
/// </list>
/// Means over the run (sum / count between the two scrapes), so one slow hop in many shows as its share.
/// </summary>
public static partial class Hops
{
    [GeneratedRegex("""^(ptsp_bus_queue_wait|messaging_masstransit_(?:consume|saga|handler)_duration|ptsp_outbox_delivery_delay|ptsp_outbox_handover)(_milliseconds|_seconds)?_(sum|count)\{([^}]*)\}\s+([0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    /// <summary>(metric, process, message type) → (sum in ms, count), read now from every process.</summary>
    public static async Task<Dictionary<(string Metric, string Process, string Type), (double SumMs, double Count)>> ScrapeAsync(
        IEnumerable<(string Name, Uri Address)> processes)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var samples = new Dictionary<(string, string, string), (double, double)>();
        foreach (var (name, address) in processes)
        {
            var text = await http.GetStringAsync(new Uri(address, "/metrics"));
            foreach (Match sample in Sample().Matches(text))
            {
                var metric = sample.Groups[1].Value switch
                {
                    "ptsp_bus_queue_wait" => "queue",
                    "ptsp_outbox_delivery_delay" => "outbox",
                    "ptsp_outbox_handover" => "handover",
                    _ => "consume",
                };
                var type = BusCounts.MessageType().Match(sample.Groups[4].Value) is { Success: true } m ? BusCounts.ShortName(m.Groups[1].Value) : "";
                var value = double.Parse(sample.Groups[5].Value, CultureInfo.InvariantCulture);
                var key = (metric, name, type);
                var (sum, count) = samples.GetValueOrDefault(key);
                if (sample.Groups[3].Value == "sum")
                    sum += sample.Groups[2].Value == "_seconds" ? value * 1000 : value;
                else
                    count += value;
                samples[key] = (sum, count);
            }
        }

        return samples;
    }

    /// <summary>Each consumed message type's hop between two scrapes, in the order of the most frequent first.</summary>
    public static List<Hop> Between(Dictionary<(string Metric, string Process, string Type), (double SumMs, double Count)> before,
        Dictionary<(string Metric, string Process, string Type), (double SumMs, double Count)> after, int permits)
    {
        (double SumMs, double Count) Delta((string, string, string) key)
        {
            var (s1, c1) = after.GetValueOrDefault(key);
            var (s0, c0) = before.GetValueOrDefault(key);
            return (s1 - s0, c1 - c0);
        }

        double? Mean((double SumMs, double Count) d) => d.Count <= 0 ? null : Math.Round(d.SumMs / d.Count, 1);

        // The outbox's figures are the sender's; summed over every process that sent the type.
        Dictionary<string, (double, double)> Senders(string metric) => after.Keys.Where(k => k.Metric == metric).GroupBy(k => k.Type)
            .ToDictionary(g => g.Key, g => g.Select(Delta).Aggregate((0.0, 0.0), (a, d) => (a.Item1 + d.SumMs, a.Item2 + d.Count)));
        var outbox = Senders("outbox");
        var handOver = Senders("handover");
        return after.Keys.Where(k => k.Metric == "consume")
            .Select(k => (Key: k, Consume: Delta(k), Queue: Delta(("queue", k.Process, k.Type))))
            .Where(h => h.Consume.Count > 0)
            .Select(h => new Hop(h.Key.Process, h.Key.Type, permits == 0 ? 0 : Math.Round(h.Consume.Count / permits, 1),
                outbox.TryGetValue(h.Key.Type, out var o) ? Mean(o) : null, handOver.TryGetValue(h.Key.Type, out var c) ? Mean(c) : null,
                Mean(h.Queue), Mean(h.Consume) ?? 0))
            .OrderByDescending(h => h.PerPermit).ThenBy(h => h.Process, StringComparer.Ordinal).ThenBy(h => h.Type, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>
/// One message type as one process consumed it: how often per permit, and its mean waits and work in ms.
/// A figure not measured for that hop (a reply to a requester's bus endpoint has no queue-wait filter; a message sent
/// without the outbox has no outbox wait) is null.
/// </summary>
public sealed record Hop(string Process, string Type, double PerPermit, double? OutboxMs, double? HandOverMs, double? QueueMs, double ConsumeMs)
{
    /// <summary>The table's heading, in the columns of <see cref="ToString"/>.</summary>
    public static string Heading { get; } = $"{"process",-14} {"message type",-32} {"/permit",7} {"outbox",9} {"hand-over",9} {"queue",9} {"consume",9}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Process,-14} {Type,-32} {PerPermit,7:F1} {Figure(OutboxMs),9} {Figure(HandOverMs),9} {Figure(QueueMs),9} {ConsumeMs,9:F1}");

    static string Figure(double? ms) => ms is { } m ? m.ToString("F1", CultureInfo.InvariantCulture) : "–";
}
