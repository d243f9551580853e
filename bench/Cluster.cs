using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Ptsp.Bench;

/// <summary>
/// The distributed mode for the run: each service its own process on RabbitMQ (a virtual host of the run's own), SQLite files.
/// With <see cref="ClusterShape.Supervised"/> (the chaos run), a process that exits is started again after a pause (1 s, 2 s, 4 s …
/// at most 30 s; back to 1 s once it has run 60 s, as scripts/run-distributed.sh does) and its output goes to logs/NAME.log.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    public static readonly string[] Services = ["Registration", "Workflow", "Intake", "Technical", "Signing", "Gateway"];
    readonly List<Member> _members = [];
    string _directory = "";
    readonly Dictionary<string, string> _environment = [];
    string _root = "";
    ClusterShape _shape = new();
    volatile bool _stopping;

    public required string VirtualHost { get; init; }

    /// <summary>The first Gateway.</summary>
    public Uri Gateway => Gateways[0];

    /// <summary>Every Gateway replica's address.</summary>
    public IReadOnlyList<Uri> Gateways { get; private set; } = [];

    public string MailDirectory => Path.Combine(_directory, "mail");

    public string DataDirectory => Path.Combine(_directory, "data");

    public string LogDirectory => Path.Combine(_directory, "logs");

    /// <summary>Keeps the run's folder (data, mail, logs) when disposed, e.g. to look at a failed run.</summary>
    public bool KeepFiles { get; set; }

    public string Folder => _directory;

    public IEnumerable<(string Name, int Pid)> Processes => _members.Select(m => (m.Name, m.Process.Id));

    /// <summary>Every process's own address (its /metrics among others).</summary>
    public IEnumerable<Uri> Addresses => _members.Select(m => new Uri($"http://127.0.0.1:{m.Port}"));

    public IReadOnlyList<Member> Members => _members;

    public static Task<Cluster> StartAsync(string root, BenchOptions options) => StartAsync(root, options, new ClusterShape());

    public static async Task<Cluster> StartAsync(string root, BenchOptions options, ClusterShape shape)
    {
        var vhost = shape.VirtualHost;
        if (vhost is null)
        {
            vhost = "ptsp-bench-" + Guid.NewGuid().ToString("N")[..8];
            Ctl("add_vhost", vhost);
            Ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        }

        var cluster = new Cluster
        {
            VirtualHost = vhost, _root = root, _shape = shape,
            _directory = shape.Folder ?? Directory.CreateTempSubdirectory("ptsp-bench-").FullName,
        };
        var ports = new Dictionary<(string, int), int>();
        foreach (var service in Services)
        {
            for (var replica = 1; replica <= shape.Replicas; replica++)
                ports[(service, replica)] = FreePort();
        }

        var environment = cluster._environment;
        environment["Bus__Transport"] = "RabbitMq";
        environment["Bus__RabbitMq__Host"] = options.RabbitHost;
        environment["Bus__RabbitMq__VirtualHost"] = vhost;
        if (shape.RabbitPort is { } rabbitPort)
            environment["Bus__RabbitMq__Port"] = rabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Storage__Sqlite__Directory"] = cluster.DataDirectory;
        environment["Mail__PickupDirectory"] = cluster.MailDirectory;
        environment["Seed__OfficerPassword"] = options.OfficerPassword;
        environment["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        environment["Internal__ServiceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        environment["Public__BaseUrl"] = $"http://127.0.0.1:{ports[("Gateway", 1)]}";
        environment["Serilog__MinimumLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in RaisedRateLimits)
            environment[key] = value;
        // The Gateway streams files to one address per service: the first replica's (no load balancer in front of replicas here).
        foreach (var service in new[] { "Intake", "Technical", "Signing" })
            environment[$"Services__{service}__Url"] = $"http://127.0.0.1:{ports[(service, 1)]}";
        if (shape.Supervised)
            Directory.CreateDirectory(cluster.LogDirectory);

        foreach (var service in shape.Services ?? Services)
        {
            for (var replica = 1; replica <= shape.Replicas; replica++)
            {
                var member = new Member(service, replica, ports[(service, replica)]);
                cluster._members.Add(member);
                cluster.Launch(member);
            }
        }

        try
        {
            // Generous: on a loaded machine twelve .NET processes hashing the seeded officers' passwords take minutes.
            foreach (var member in cluster._members)
                await cluster.WaitReadyAsync(member, TimeSpan.FromMinutes(10));
        }
        catch
        {
            cluster.KeepFiles = true;
            await cluster.DisposeAsync();
            throw;
        }

        cluster.Gateways = cluster._members.Where(m => m.Service == "Gateway").Select(m => new Uri($"http://127.0.0.1:{m.Port}")).ToList();
        return cluster;
    }

    void Launch(Member member)
    {
        var dll = Path.Combine(_root, "src", member.Service, "bin", "Release", "net10.0", $"Ptsp.{member.Service}.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{member.Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in _environment)
            info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        if (_shape.Supervised)
        {
            var log = new StreamWriter(Path.Combine(LogDirectory, member.Name + ".log"), append: true) { AutoFlush = true };
            DataReceivedEventHandler write = (_, e) =>
            {
                if (e.Data is null)
                    return;
                lock (log)
                    log.WriteLine(e.Data);
            };
            process.OutputDataReceived += write;
            process.ErrorDataReceived += write;
            process.Exited += (_, _) =>
            {
                process.WaitForExit(); // the output is read to its end before the log closes
                lock (log)
                    log.Dispose();
                _ = RestartAsync(member, process);
            };
        }
        else
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{member.Service}] {e.Data}"); };
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        member.Process = process;
        member.StartedAt = DateTime.UtcNow;
        member.Starts++;
    }

    async Task RestartAsync(Member member, Process exited)
    {
        if (_stopping)
            return;
        if (DateTime.UtcNow - member.StartedAt >= TimeSpan.FromSeconds(60))
            member.Delay = TimeSpan.FromSeconds(1);
        var delay = member.Delay;
        member.Delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        Log($"{member.Name} (pid {exited.Id}) exited with code {exited.ExitCode}; starting it again in {delay.TotalSeconds:F0}s (log: {Path.Combine(LogDirectory, member.Name + ".log")})");
        await Task.Delay(delay);
        lock (member)
        {
            if (!_stopping)
                Launch(member);
        }
    }

    /// <summary>SIGKILL of one process; its supervisor starts it again. Returns the killed pid, or null when it is not running.</summary>
    public int? Kill(Member member)
    {
        lock (member)
        {
            if (member.Process.HasExited)
                return null;
            var pid = member.Process.Id;
            try
            {
                member.Process.Kill();
            }
            catch (InvalidOperationException)
            {
                return null; // exited a moment ago
            }

            member.Kills++;
            return pid;
        }
    }

    /// <summary>Waits until this member answers /health/ready (after a kill: its new process).</summary>
    public async Task WaitReadyAsync(Member member, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                if (!member.Process.HasExited && (await http.GetAsync($"http://127.0.0.1:{member.Port}/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{member.Name} did not become ready (see {LogDirectory}).");
            await Task.Delay(200);
        }
    }

    static void Log(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

    /// <summary>CPU seconds (user + system) used so far by each service process.</summary>
    public Dictionary<string, double> CpuSeconds() =>
        _members.ToDictionary(p => p.Name, p =>
        {
            p.Process.Refresh();
            return p.Process.TotalProcessorTime.TotalSeconds;
        });

    /// <summary>Peak resident memory (VmHWM) of a process, in MB.</summary>
    public static double PeakRssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        foreach (var member in _members)
        {
            Process process;
            lock (member)
                process = member.Process;
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        if (_shape.VirtualHost is null)
            Ctl("delete_vhost", VirtualHost);
        if (KeepFiles)
            return;
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string Ctl(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed");
    }

    /// <summary>The bench drives every permit from one address: the abuse limits per address (ADR 0013) are raised for it.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> RaisedRateLimits =>
        new[] { "Api", "SignIn", "Registration", "Verification", "Tracking" }.Select(name =>
            KeyValuePair.Create($"RateLimits__{name}__PermitLimit", "1000000"));

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How a cluster runs: replicas of every service, supervision, and the broker (port, virtual host) when not the default.</summary>
/// <see cref="Services"/>: only these services (the watcher bench starts Workflow alone); <see cref="Folder"/>: the run's folder, made
/// beforehand by the caller (e.g. with data already in it), removed with the cluster as its own would be.
public sealed record ClusterShape(int Replicas = 1, bool Supervised = false, int? RabbitPort = null, string? VirtualHost = null,
    IReadOnlyList<string>? Services = null, string? Folder = null);

/// <summary>One process of the cluster: a service's replica, its port, its current process and what happened to it.</summary>
public sealed class Member(string service, int replica, int port)
{
    public string Service { get; } = service;

    public int Replica { get; } = replica;

    public int Port { get; } = port;

    public string Name => $"{Service.ToLowerInvariant()}-{Replica}";

    public Process Process { get; set; } = null!;

    public DateTime StartedAt { get; set; }

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    public int Starts { get; set; }

    public int Kills { get; set; }
}
