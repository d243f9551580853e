using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// Issue 14 point 1, small: the fault-injection harness (bench/chaos.sh, the bench's chaos mode) with 20 permits, at least six
/// SIGKILLs (every service and the Gateway, both replicas of one at once) and one broker restart, on a RabbitMQ node of its own.
/// Its verdict must hold, and the figures show the faults really happened while the permits really reached their driven states.
/// </summary>
public sealed class ChaosTests
{
    static readonly string[] Services = ["Registration", "Workflow", "Intake", "Technical", "Signing", "Gateway"];

    [Fact]
    public async Task Twenty_permits_reach_their_decisions_once_each_through_kills_and_a_broker_restart()
    {
        var json = Path.Combine(Path.GetTempPath(), $"ptsp-chaos-{Guid.NewGuid():N}.json");
        var dll = Path.Combine(Repository.Root, "bench", "bin", "Release", "net10.0", "Ptsp.Bench.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built (dotnet build Ptsp.slnx -c Release)");
        var info = new ProcessStartInfo("dotnet", [dll, "--chaos", "--permits", "20", "--kills", "6", "--applicants", "5", "--json", json])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        var output = new StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(25));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The chaos run did not end within 25 minutes:\n{output}");
        }

        string Output()
        {
            lock (output)
                return output.ToString();
        }

        Assert.True(process.ExitCode == 0, $"The chaos run's verdict failed (exit code {process.ExitCode}):\n{Output()}");
        Assert.Contains("VERDICT: PASS", Output());
        var figures = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject();
        File.Delete(json);

        // Not vacuous: every permit really reached its driven state, and the faults really happened while it was driven.
        Assert.Equal(10, figures["issued"]!.GetValue<int>());
        Assert.Equal(10, figures["rejected"]!.GetValue<int>());
        Assert.True(figures["kills"]!.GetValue<int>() >= 6, Output());
        foreach (var service in Services)
            Assert.True(figures["killsPerService"]![service]!.GetValue<int>() >= 1, $"{service} was not killed:\n{Output()}");
        var both = Assert.Single(figures["bothReplicasKilled"]!.AsArray())!.GetValue<string>();
        Assert.True(figures["killsPerService"]![both]!.GetValue<int>() >= 2, Output());
        Assert.Equal(1, figures["brokerRestarts"]!.GetValue<int>());
        Assert.Equal(0, figures["lateFaults"]!.GetValue<int>());
        Assert.True(figures["processStarts"]!.GetValue<int>() >= 12 + figures["kills"]!.GetValue<int>(), "a killed process was not started again");
        foreach (var (name, check) in figures["checks"]!.AsObject())
            Assert.True(check!["passed"]!.GetValue<bool>(), $"{name}: {check["detail"]}");
        // The fourteen checks of the permits' data, and the faults themselves (kills, broker restart, none after the driving).
        Assert.Equal(15, figures["checks"]!.AsObject().Count);
        Assert.True(figures["checks"]!["faults injected while driving"]!["passed"]!.GetValue<bool>());
    }
}
