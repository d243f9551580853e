using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Ptsp.Bench;

/// <summary>
/// What the services put on the bus during a run, read from MassTransit's own meter at each process's <c>/metrics</c> (ADR 0016;
/// the bench is on the same machine) before and after. MassTransit counts every message it sends or publishes under
/// <c>messaging_masstransit_send_ea_total</c>, labelled with the message type and its destination: a bus endpoint's exchange
/// (<c>…_bus_…</c>) is a reply; a type that asks (Get…, List…, VerifyAuditLog, AuthenticateUser) is a query; an event contract
/// (each is named <c>ptsp.&lt;event&gt;.v1</c> with <c>[EntityName]</c>) is an event; anything else — sent to a queue, or a
/// command sent as a request — is a command. Also the consume retries: a message that failed and was tried again by its consumer's retry policy.
/// </summary>
public static partial class BusCounts
{
    [GeneratedRegex("""^messaging_masstransit_(send|consume_retries)(?:_ea)?_total\{([^}]*)\}\s+([0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    /// <summary>The message type label: MassTransit's <c>messaging_masstransit_message_type</c>, or Ptsp's own meter's <c>message_type</c>.</summary>
    [GeneratedRegex("""(?:messaging_masstransit_message_type|message_type)="([^"]*)""")]
    internal static partial Regex MessageType();

    [GeneratedRegex("""messaging_masstransit_destination="([^"]*)""")]
    private static partial Regex Destination();

    /// <summary>The counters of every process now: (kind, message type) → count, summed over the processes.</summary>
    public static async Task<Dictionary<(string Kind, string Type), double>> ScrapeAsync(IEnumerable<Uri> processes)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var counts = new Dictionary<(string, string), double>();
        foreach (var process in processes)
        {
            var text = await http.GetStringAsync(new Uri(process, "/metrics"));
            foreach (Match sample in Sample().Matches(text))
            {
                var labels = sample.Groups[2].Value;
                var type = MessageType().Match(labels) is { Success: true } m ? ShortName(m.Groups[1].Value) : "";
                var destination = Destination().Match(labels) is { Success: true } d ? d.Groups[1].Value : "";
                var key = (sample.Groups[1].Value == "consume_retries" ? "retry" : Kind(type, destination), type);
                counts[key] = counts.GetValueOrDefault(key) + double.Parse(sample.Groups[3].Value, CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    /// <summary>What happened between two scrapes, split by kind and counted per permit.</summary>
    public static MessageSplit Between(Dictionary<(string Kind, string Type), double> before, Dictionary<(string Kind, string Type), double> after, int permits)
    {
        var byKind = new Dictionary<string, double> { ["command"] = 0, ["event"] = 0, ["query"] = 0, ["reply"] = 0, ["retry"] = 0 };
        var byType = new Dictionary<string, double>();
        foreach (var ((kind, type), value) in after)
        {
            var delta = value - before.GetValueOrDefault((kind, type));
            if (delta <= 0)
                continue;
            byKind[kind] += delta;
            byType[$"{kind} {type}"] = byType.GetValueOrDefault($"{kind} {type}") + delta;
        }

        double Per(double n) => permits == 0 ? 0 : Math.Round(n / permits, 1);
        return new MessageSplit(Per(byKind["command"]), Per(byKind["event"]), Per(byKind["query"]), Per(byKind["reply"]),
            Per(byKind["command"] + byKind["event"] + byKind["query"] + byKind["reply"]), byKind["retry"],
            byType.Where(t => !t.Key.StartsWith("retry", StringComparison.Ordinal)).OrderByDescending(t => t.Value).ToDictionary(t => t.Key, t => Per(t.Value)));
    }

    /// <summary>The event contracts: the types named <c>ptsp.….v1</c> for their exchange.</summary>
    static readonly HashSet<string> Events = typeof(Ptsp.Contracts.Permits.ApplicationProgressed).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<MassTransit.EntityNameAttribute>()?.EntityName.StartsWith("ptsp.", StringComparison.Ordinal) == true)
        .Select(t => t.Name)
        .ToHashSet();

    static string Kind(string type, string destination)
    {
        if (destination.Contains("_bus_", StringComparison.Ordinal))
            return "reply";
        if (type.StartsWith("Get", StringComparison.Ordinal) || type.StartsWith("List", StringComparison.Ordinal) || type is "VerifyAuditLog" or "AuthenticateUser")
            return "query";
        return Events.Contains(type) ? "event" : "command";
    }

    /// <summary>MassTransit names a type by its URN or its full name; the contract's own name is the last part.</summary>
    internal static string ShortName(string type)
    {
        var name = type[(type.LastIndexOfAny([':', '.', '+']) + 1)..];
        var generic = name.IndexOf('[');
        return generic < 0 ? name : name[..generic];
    }
}

/// <summary>Messages per permit by kind (sent and published, as MassTransit counted them in the services), and the retries in all.</summary>
public sealed record MessageSplit(double Commands, double Events, double Queries, double Replies, double Total, double Retries,
    IReadOnlyDictionary<string, double> PerType)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Total} per permit: {Commands} commands, {Events} events, {Queries} queries, {Replies} replies; {Retries} consume retries in all");
}
