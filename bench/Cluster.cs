using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Ptsp.Bench;

/// <summary>The distributed mode for the run: each service its own process on RabbitMQ (a virtual host of the run's own), SQLite files.</summary>
public sealed class Cluster : IAsyncDisposable
{
    static readonly string[] Services = ["Registration", "Workflow", "Intake", "Technical", "Signing", "Gateway"];
    readonly List<(string Name, Process Process)> _processes = [];
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-bench-").FullName;

    public required string VirtualHost { get; init; }

    public Uri Gateway { get; private set; } = null!;

    public string MailDirectory => Path.Combine(_directory, "mail");

    public IEnumerable<(string Name, int Pid)> Processes => _processes.Select(p => (p.Name, p.Process.Id));

    public static async Task<Cluster> StartAsync(string root, BenchOptions options)
    {
        var vhost = "ptsp-bench-" + Guid.NewGuid().ToString("N")[..8];
        Ctl("add_vhost", vhost);
        Ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        var cluster = new Cluster { VirtualHost = vhost };
        var gatewayPort = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMq__Host"] = options.RabbitHost,
            ["Bus__RabbitMq__VirtualHost"] = vhost,
            ["Storage__Sqlite__Directory"] = Path.Combine(cluster._directory, "data"),
            ["Mail__PickupDirectory"] = cluster.MailDirectory,
            ["Seed__OfficerPassword"] = options.OfficerPassword,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Internal__ServiceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Public__BaseUrl"] = $"http://127.0.0.1:{gatewayPort}",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in RaisedRateLimits)
            environment[key] = value;
        var ports = new Dictionary<string, int>();
        foreach (var service in Services)
            ports[service] = service == "Gateway" ? gatewayPort : FreePort();
        foreach (var service in new[] { "Intake", "Technical", "Signing" })
            environment[$"Services__{service}__Url"] = $"http://127.0.0.1:{ports[service]}";

        foreach (var service in Services)
        {
            var dll = Path.Combine(root, "src", service, "bin", "Release", "net10.0", $"Ptsp.{service}.dll");
            var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{ports[service]}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{service}] {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            cluster._processes.Add((service, process));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var service in Services)
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{ports[service]}/health/ready")).IsSuccessStatusCode)
                        break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{service} did not become ready.");
                await Task.Delay(200);
            }
        }

        cluster.Gateway = new Uri($"http://127.0.0.1:{gatewayPort}");
        return cluster;
    }

    /// <summary>CPU seconds (user + system) used so far by each service process.</summary>
    public Dictionary<string, double> CpuSeconds() =>
        _processes.ToDictionary(p => p.Name, p =>
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
        foreach (var (_, process) in _processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        Ctl("delete_vhost", VirtualHost);
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
