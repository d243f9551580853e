using System.Diagnostics;
using System.Globalization;

namespace Ptsp.Bench;

/// <summary>
/// A RabbitMQ node of the chaos run's own (own node name, AMQP port, data folder, no plugins), so restarting the broker
/// disturbs nobody else's broker. Queues are read with rabbitmqctl; the management API is not needed.
/// </summary>
public sealed class ChaosBroker : IDisposable
{
    readonly string _directory;

    ChaosBroker(string node, int port, string directory)
    {
        Node = node;
        Port = port;
        _directory = directory;
    }

    public string Node { get; }

    public int Port { get; }

    public int Restarts { get; private set; }

    public static async Task<ChaosBroker> StartAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var directory = Directory.CreateTempSubdirectory("ptsp-chaos-rabbitmq-").FullName;
        var broker = new ChaosBroker($"ptsp-chaos-{id}@localhost", Cluster.FreePort(), directory);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].\n");
        // The Debian start script runs the node as the rabbitmq user: it must own the node's folder.
        if (Environment.UserName == "root")
            Run("chown", "-R", "rabbitmq:rabbitmq", directory);
        var info = new ProcessStartInfo("rabbitmq-server", ["-detached"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RABBITMQ_NODENAME"] = broker.Node;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = Cluster.FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
        using (var process = Process.Start(info)!)
            await process.WaitForExitAsync();
        await broker.AwaitStartupAsync();
        return broker;
    }

    async Task AwaitStartupAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Run("rabbitmqctl", "-n", Node, "-q", "await_startup", "--timeout", "10").ExitCode != 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The chaos run's RabbitMQ node {Node} did not start (log: {_directory}/log).");
            await Task.Delay(1000);
        }
    }

    /// <summary>Stops the broker application (every connection drops), leaves it down for <paramref name="down"/>, starts it again.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        Ctl("stop_app");
        await Task.Delay(down);
        Ctl("start_app");
        await AwaitStartupAsync();
        Restarts++;
    }

    /// <summary>Every queue with its ready and unacknowledged messages.</summary>
    public IReadOnlyList<(string Name, long Messages)> Queues() =>
        Ctl("list_queues", "-q", "--no-table-headers", "name", "messages")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList();

    public string Ctl(params string[] args)
    {
        var (code, output) = Run("rabbitmqctl", ["-n", Node, .. args]);
        return code == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {output}");
    }

    static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output : output + error.Result);
    }

    public void Dispose()
    {
        Run("rabbitmqctl", "-n", Node, "-q", "stop");
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
