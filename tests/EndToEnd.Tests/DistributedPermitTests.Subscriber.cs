using System.Collections.Concurrent;
using System.Diagnostics;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// An outside system on the broker: samples/Subscriber (plain RabbitMQ.Client, no MassTransit) binds its own queue to the
/// public exchanges of a distributed run and sees the permit issued and then revoked. (Part of the distributed permit
/// tests, so it shares their run instead of starting another.)
/// </summary>
public sealed partial class DistributedPermitTests
{
    [Fact]
    public Task The_sample_subscriber_prints_the_permit_and_its_revocation() =>
        ptsp.WithLogsOnFailure(async () =>
        {
            await using var subscriber = SampleSubscriber.Start(ptsp.VirtualHost);
            await subscriber.WaitForAsync(l => l.StartsWith("READY ", StringComparison.Ordinal), "ready");

            var officers = await QuickPermit.OfficersAsync(ptsp.Client, DistributedFixture.OfficerPassword);
            var (_, applicant, _) = await QuickPermit.ApplicantAsync(ptsp.Client, ptsp.Mail, officers["FrontOffice"], "Agus Setiawan");
            var (id, _) = await QuickPermit.AcceptedAsync(ptsp.Client, applicant, officers);
            await QuickPermit.IssueAsync(ptsp.Client, id, applicant, officers);
            var number = (await ptsp.Client.GetApplicationAsync(id, applicant))["decision"]!.Get<string>("documentNumber");

            var issued = await subscriber.WaitForAsync(l => l.StartsWith($"PERMIT ISSUED {number} ", StringComparison.Ordinal), "the permit");
            Assert.Contains("| PENELITIAN | CV Sinar Cipta Purwakarta | holder Agus Setiawan |", issued);
            Assert.Contains($"| application {id} |", issued);

            await ptsp.Client.ActAsync(id, "revocation", new { reason = "Penelitian dihentikan atas permintaan pemohon." }, officers["AgencyHead"]);
            var revoked = await subscriber.WaitForAsync(l => l.StartsWith($"PERMIT REVOKED {number} ", StringComparison.Ordinal), "the revocation");
            Assert.Contains("| reason Penelitian dihentikan atas permintaan pemohon. |", revoked);

            // Each once: the queue is the subscriber's own, the events were published once.
            Assert.Single(subscriber.Lines, l => l.StartsWith($"PERMIT ISSUED {number} ", StringComparison.Ordinal));
            Assert.Single(subscriber.Lines, l => l.StartsWith($"PERMIT REVOKED {number} ", StringComparison.Ordinal));
            Assert.Contains("sample-subscriber", RabbitMq.Queues(ptsp.VirtualHost));
        });

    /// <summary>The built sample, run as its own process on the fixture's virtual host; its output lines collected.</summary>
    sealed class SampleSubscriber : IAsyncDisposable
    {
        readonly Process _process;

        SampleSubscriber(Process process) => _process = process;

        public ConcurrentQueue<string> Lines { get; } = new();

        public static SampleSubscriber Start(string virtualHost)
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var dll = Path.Combine(Repository.Root, "samples", "Subscriber", "bin", configuration, "net10.0", "Ptsp.Samples.Subscriber.dll");
            Assert.True(File.Exists(dll), $"Build the solution first: {dll} is missing.");
            var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.Environment["Bus__RabbitMq__Host"] = "127.0.0.1";
            info.Environment["Bus__RabbitMq__VirtualHost"] = virtualHost;
            var process = new Process { StartInfo = info };
            var subscriber = new SampleSubscriber(process);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                    subscriber.Lines.Enqueue(e.Data);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                    subscriber.Lines.Enqueue("ERR " + e.Data);
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return subscriber;
        }

        public async Task<string> WaitForAsync(Func<string, bool> match, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (Lines.FirstOrDefault(match) is { } line)
                    return line;
                if (_process.HasExited)
                    break;
                await Task.Delay(100);
            }

            throw new TimeoutException($"The sample subscriber did not print {what}:\n{string.Join("\n", Lines)}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
