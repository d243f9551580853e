using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ptsp.Bench;

// Ptsp benchmark: N permits through the whole SOP via the public API, officers acting as soon as work
// appears; then the raw bus on the same broker with as many messages as the SOP exchanged.
var options = BenchOptions.Parse(args);
var root = Repository.Root();
if (args.Contains("--worklist"))
    return await WorklistBench.RunAsync(root, args, options);
if (args.Contains("--watcher"))
    return await WatcherBench.RunAsync(root, args, options);
if (args.Contains("--chaos"))
    return await ChaosRun.RunAsync(root, args, options);
// --embedded: the all-in-one host (in-memory bus, one process) instead of the distributed services; no broker to count.
var embedded = args.Contains("--embedded") ? await EmbeddedHost.StartAsync(root, options) : null;
var services = options.Gateway is null && embedded is null ? await Cluster.StartAsync(root, options, new ClusterShape(Replicas: options.Replicas)) : null;
IReadOnlyList<Uri> gateways = embedded is not null ? [embedded.BaseAddress] : services?.Gateways ?? [options.Gateway!];
var vhost = services?.VirtualHost ?? options.VirtualHost;
var mailDirectory = options.MailDirectory ?? embedded?.MailDirectory ?? services!.MailDirectory;
var mode = embedded is not null ? "embedded (all-in-one, in-memory bus)" : $"distributed, {options.Replicas} replica(s) of every service";
var clients = new List<IDisposable>();
var watchers = new List<PushWatcher>();
try
{
    // One client per Gateway replica, permits taken by them in turn; each watches the push stream of its own Gateway.
    var apis = new List<Api>();
    foreach (var gateway in gateways)
    {
        var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(120) };
        var streams = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        var push = new PushWatcher(streams);
        clients.AddRange([http, streams]);
        watchers.Add(push);
        apis.Add(new Api(http, push));
    }

    var api = apis[0];
    Console.WriteLine($"Gateway {string.Join(", ", gateways)}; {mode}; {options.Permits} permits, {options.Concurrency} at a time");

    var officers = new Dictionary<string, string>();
    foreach (var (user, role) in Api.Officers)
        officers[role] = await api.LoginAsync(user, options.OfficerPassword);
    var applicants = new List<string>();
    for (var i = 0; i < Math.Min(options.Permits, options.Applicants); i++)
        applicants.Add(await api.ActiveApplicantAsync(officers["FrontOffice"], mailDirectory, i));

    foreach (var push in watchers)
    {
        foreach (var token in officers.Values.Concat(applicants))
            await push.WatchAsync(token);
    }

    IReadOnlyList<Uri> processes = embedded is not null ? [embedded.BaseAddress] : services?.Addresses.ToList() ?? [];
    var counted0 = processes.Count > 0 ? await BusCounts.ScrapeAsync(processes) : null;
    IReadOnlyList<(string Name, Uri Address)> named = embedded is not null ? [(EmbeddedHost.Name, embedded.BaseAddress)]
        : services?.Processes.Select(p => p.Name).Zip(services.Addresses).ToList() ?? [];
    var hops0 = named.Count > 0 ? await Hops.ScrapeAsync(named) : null;
    var published0 = embedded is null ? await Broker.PublishedAsync(vhost) : 0;
    var cpu0 = embedded?.CpuSeconds() ?? services?.CpuSeconds() ?? [];
    var latencies = new List<double>();
    var ids = new List<Guid>();
    var clock = Stopwatch.StartNew();
    var gate = new SemaphoreSlim(options.Concurrency);
    var failures = 0;
    await Task.WhenAll(Enumerable.Range(0, options.Permits).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var (id, steps) = await apis[i % apis.Count].RunPermitAsync(applicants[i % applicants.Count], officers);
            lock (latencies)
            {
                latencies.AddRange(steps);
                ids.Add(id);
            }
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref failures);
            Console.Error.WriteLine($"permit {i} failed: {e.Message}");
        }
        finally
        {
            gate.Release();
        }
    }));
    clock.Stop();
    var sopSeconds = clock.Elapsed.TotalSeconds;
    long? exchanged = embedded is null ? await Broker.PublishedAsync(vhost) - published0 : null;
    var cpu1 = embedded?.CpuSeconds() ?? services?.CpuSeconds() ?? [];
    var split = counted0 is not null ? BusCounts.Between(counted0, await BusCounts.ScrapeAsync(processes), options.Permits - failures) : null;
    var hops = hops0 is not null ? Hops.Between(hops0, await Hops.ScrapeAsync(named), options.Permits - failures) : null;

    var permits = options.Permits - failures;
    latencies.Sort();
    double P(double p) => latencies.Count == 0 ? 0 : latencies[Math.Max(0, (int)Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine($"SOP: {permits} permits in {sopSeconds:F1} s = {permits / sopSeconds:F2} permits/s; {latencies.Count} officer actions");
    Console.WriteLine($"Action → next step visible: p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms");
    Console.WriteLine(exchanged is { } count
        ? $"Messages published on the broker during the run: {count} ({(permits == 0 ? 0 : count / (double)permits):F1} per permit)"
        : "Messages: the in-memory bus of one process (no broker to count them, no raw-bus comparison)");
    Console.WriteLine(split is not null ? $"Messages as the services counted them: {split}" : "Messages by kind: not counted (attached to a running Gateway)");
    if (split is not null)
        Console.WriteLine("  " + string.Join(", ", split.PerType.Take(12).Select(t => $"{t.Key} {t.Value}")));
    if (hops is { Count: > 0 })
    {
        Console.WriteLine("Hops (each message type as its consumer took it; mean ms over the run):");
        Console.WriteLine("  " + Hop.Heading);
        foreach (var hop in hops.Where(h => h.PerPermit >= 0.5))
            Console.WriteLine("  " + hop);
    }

    var (effectsHeld, effects) = await Effects.CheckAsync(api, officers["AgencyHead"], ids, mailDirectory);
    Console.WriteLine($"Effects once each: {(effectsHeld ? "HELD" : "BROKEN")} — {effects}");

    (int Messages, double Seconds)? raw = exchanged is { } sent ? await RawBus.MeasureAsync(options.RabbitHost, (int)Math.Max(sent, 1)) : null;
    if (raw is { } bus)
        Console.WriteLine($"Raw bus: {bus.Messages} messages published and consumed in {bus.Seconds:F2} s = {bus.Messages / bus.Seconds:F0} msg/s; " +
                          $"SOP time / raw time = {sopSeconds / bus.Seconds:F1}");

    var measuredProcesses = new List<object>();
    double cpuTotal = 0, peakRss = 0;
    var memoryLines = new List<string>();
    var measured = embedded is not null ? [(EmbeddedHost.Name, embedded.Pid)] : services?.Processes.ToList() ?? [];
    var addresses = embedded is not null ? [embedded.BaseAddress] : services?.Addresses.ToList() ?? [];
    if (measured.Count > 0)
    {
        Console.WriteLine("Process           peak RSS    CPU s   CPU ms/permit");
        foreach (var (name, pid) in measured)
        {
            var cpu = cpu1.GetValueOrDefault(name) - cpu0.GetValueOrDefault(name);
            cpuTotal += cpu;
            var rss = Cluster.PeakRssMegabytes(pid);
            peakRss = Math.Max(peakRss, rss);
            var memory = await MemoryBreakdown.ReadAsync(pid, addresses[measuredProcesses.Count], rss);
            measuredProcesses.Add(new { name, peakRssMb = rss, cpuSeconds = Math.Round(cpu, 2), memory });
            Console.WriteLine($"{name,-16} {rss,7:F0} MB {cpu,8:F2} {1000 * cpu / Math.Max(permits, 1),10:F1}");
            memoryLines.Add($"{name,-16} {memory}");
        }

        Console.WriteLine("Resident memory at the end of the run, by where it is (MB):");
        foreach (var line in memoryLines)
            Console.WriteLine(line);
    }

    var result = new
    {
        at = DateTimeOffset.UtcNow,
        machine = $"{Environment.ProcessorCount} cores",
        mode = embedded is not null ? "embedded" : "distributed",
        replicas = options.Replicas,
        permits,
        failures,
        effects = new { held = effectsHeld, detail = effects },
        sopSeconds = Math.Round(sopSeconds, 2),
        permitsPerSecond = Math.Round(permits / sopSeconds, 2),
        latencyMs = new { p50 = P(0.5), p95 = P(0.95), p99 = P(0.99), actions = latencies.Count },
        messages = exchanged,
        messagesPerPermit = split,
        hops,
        rawBus = raw is { } r ? new { r.Messages, seconds = Math.Round(r.Seconds, 3), ratio = Math.Round(sopSeconds / r.Seconds, 1) } : null,
        cpuSecondsPerPermit = Math.Round(cpuTotal / Math.Max(permits, 1), 3),
        processes = measuredProcesses,
    };
    Directory.CreateDirectory(Path.Combine(root, "bench", "results"));
    var file = Path.Combine(root, "bench", "results", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"Figures written to {Path.GetRelativePath(root, file)}");
    var rawFigures = raw is { } b
        ? string.Create(CultureInfo.InvariantCulture, $"raw={b.Messages / b.Seconds:F0}msg/s ratio={sopSeconds / b.Seconds:F1}")
        : "raw=n/a ratio=n/a";
    var kinds = split is { } k
        ? string.Create(CultureInfo.InvariantCulture, $"per-permit={k.Total}(cmd={k.Commands},evt={k.Events},qry={k.Queries},rep={k.Replies}) retries={k.Retries}")
        : "per-permit=n/a retries=n/a";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SUMMARY mode={(embedded is not null ? "embedded" : "distributed")} replicas={options.Replicas} permits={permits} failures={failures} effects={(effectsHeld ? "held" : "broken")} permits/s={permits / sopSeconds:F2} p50={P(0.5):F0}ms p95={P(0.95):F0}ms p99={P(0.99):F0}ms " +
        $"messages={(exchanged is { } n ? n.ToString(CultureInfo.InvariantCulture) : "n/a")} {kinds} {rawFigures} cpu/permit={cpuTotal / Math.Max(permits, 1):F3}s peak-rss-max={peakRss:F0}MB"));
    return failures == 0 && effectsHeld ? 0 : 1;
}
finally
{
    foreach (var push in watchers)
        await push.DisposeAsync();
    foreach (var client in clients)
        client.Dispose();
    if (services is not null)
        await services.DisposeAsync();
    if (embedded is not null)
        await embedded.DisposeAsync();
}
