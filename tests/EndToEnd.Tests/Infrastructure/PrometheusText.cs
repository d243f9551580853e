using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A scrape of <c>/metrics</c> read as the Prometheus text format (0.0.4) says: <c># HELP</c>/<c># TYPE</c> lines and samples
/// <c>name{label="value",…} number</c>. Reading fails with the offending line when a line is none of these, a sample's family has
/// no <c># TYPE</c>, or a histogram's buckets are not cumulative.
/// </summary>
public sealed partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>Family name → type (counter, gauge, histogram, …).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    PrometheusText(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types) => (Samples, Types) = (samples, types);

    public static PrometheusText Parse(string text)
    {
        var types = new Dictionary<string, string>();
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("# HELP ", StringComparison.Ordinal) || line == "# EOF")
                continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4)
                    throw new FormatException($"Bad TYPE line: {line}");
                types[parts[2]] = parts[3];
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
                throw new FormatException($"Not a sample line: {line}");
            var labels = new Dictionary<string, string>();
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
                labels[label.Groups["name"].Value] = Regex.Unescape(label.Groups["value"].Value);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            var name = match.Groups["name"].Value;
            if (Family(name, types) is null)
                throw new FormatException($"Sample without a TYPE line for its family: {line}");
            samples.Add(new Sample(name, labels, value));
        }

        // A histogram's buckets, written one series after the other with rising bounds, count cumulatively and end at +Inf.
        (string Series, double Le, double Value)? previous = null;
        foreach (var sample in samples.Append(new Sample("", new Dictionary<string, string>(), 0)))
        {
            var isBucket = sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && sample.Labels.ContainsKey("le");
            var series = isBucket
                ? sample.Name + "|" + string.Join(",", sample.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))
                : "";
            var le = isBucket ? (sample.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(sample.Labels["le"], CultureInfo.InvariantCulture)) : 0;
            if (previous is { } last && (!isBucket || series != last.Series || le <= last.Le))
            {
                if (!double.IsPositiveInfinity(last.Le))
                    throw new FormatException($"Histogram {last.Series} has no +Inf bucket.");
                previous = null;
            }

            if (!isBucket)
                continue;
            if (previous is { } before && sample.Value < before.Value)
                throw new FormatException($"Histogram buckets of {series} are not cumulative.");
            previous = (series, le, sample.Value);
        }

        return new PrometheusText(samples, types);
    }

    /// <summary>The family a sample belongs to (its TYPE name), or null.</summary>
    static string? Family(string name, IReadOnlyDictionary<string, string> types)
    {
        if (types.ContainsKey(name))
            return name;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count", "_total", "_created", "_info" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.ContainsKey(name[..^suffix.Length]))
                return name[..^suffix.Length];
        }

        return null;
    }

    /// <summary>True when a sample of that name exists.</summary>
    public bool Has(string name) => Samples.Any(s => s.Name == name);

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>The metric names the queries of a Grafana dashboard (JSON model) use: label names, functions, ranges and strings left out.</summary>
    public static IReadOnlyList<string> DashboardMetrics(string dashboardJson)
    {
        var dashboard = JsonNode.Parse(dashboardJson)!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => t!["expr"]!.GetValue<string>())
            .Concat(dashboard["templating"]!["list"]!.AsArray().Where(v => v!["type"]!.GetValue<string>() == "query")
                .Select(v => v!["query"] is JsonObject q ? q["query"]!.GetValue<string>() : v["query"]!.GetValue<string>()))
            .ToList();
        return queries
            .Select(q => Regex.Replace(q, @"\b(by|without)\s*\([^)]*\)|\{[^}]*\}|\[[^\]]*\]|""[^""]*""", " "))
            .SelectMany(q => Regex.Matches(q, @"\b(ptsp|messaging|http|dotnet|kestrel|aspnetcore)_[a-z0-9_]+\b").Select(m => m.Value))
            .Distinct()
            .ToList();
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|[-+]?Inf|NaN)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex LabelPair();
}
