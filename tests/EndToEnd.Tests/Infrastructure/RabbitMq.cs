using System.Diagnostics;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>The local RabbitMQ broker that scripts/test.sh installs and starts; each fixture gets its own virtual host.</summary>
public static class RabbitMq
{
    public static string CreateVirtualHost()
    {
        var vhost = "ptsp-test-" + Guid.NewGuid().ToString("N")[..8];
        Ctl("add_vhost", vhost);
        Ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        return vhost;
    }

    public static void DeleteVirtualHost(string vhost) => Ctl("delete_vhost", vhost);

    /// <summary>Queue names in the virtual host (rabbitmqctl list_queues).</summary>
    public static IReadOnlyList<string> Queues(string vhost) =>
        Ctl("list_queues", "-p", vhost, "name", "--quiet", "--no-table-headers")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static string Ctl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl could not start.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {error}. Is RabbitMQ running? scripts/test.sh installs and starts it.");
        return output;
    }
}
