using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>A service with a setting it cannot use stops at once, says why in its log (the bootstrap logger), and exits non-zero.</summary>
public sealed class StartupTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-startup-").FullName;

    [Theory]
    // Validated options (ValidateOnStart): the host stops before it serves.
    [InlineData("Escalation__Warnings", "0.9,0.1", "Escalation:Warnings must be two fractions of the target")]
    // A setting the composition reads while it is built: logged by the bootstrap logger, before any host exists.
    [InlineData("Bus__Transport", "Kafka", "Bus:Transport must be InMemory or RabbitMq, not 'Kafka'")]
    public async Task Workflow_with_a_bad_setting_stops_and_logs_why(string key, string value, string reason)
    {
        await using var workflow = ServiceProcess.Start("Workflow", new Dictionary<string, string>
        {
            ["Storage__Sqlite__Directory"] = Path.Combine(_directory, "data"),
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            [key] = value,
        }, Path.Combine(_directory, "logs"));

        var exitCode = await workflow.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var log = workflow.Tail(200);
        Assert.True(exitCode == 1, $"exit code {exitCode}\n{log}");
        // A fatal line in the services' JSON log format, naming the key.
        Assert.Contains(log.Split('\n'), l => l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal)
                                              && l.Contains("Workflow stopped", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
