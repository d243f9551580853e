using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>The README's run commands themselves: they serve the API where told, and stop everything on SIGTERM.</summary>
public sealed class ScriptTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-script-").FullName;

    [Fact]
    public async Task Run_sh_serves_the_accounts_API_at_ASPNETCORE_URLS_and_stops_on_SIGTERM()
    {
        var port = FreePorts(1);
        await RunScriptAsync("scripts/run.sh", port, new Dictionary<string, string>(), async api =>
        {
            var id = await api.RegisterAsync(PtspClient.NewApplicant());
            var frontOffice = await api.TokenAsync("frontoffice", "Ptsp-Demo-2026");
            await api.WaitForPendingAsync(id, frontOffice);
            await ExpectHomePageAsync(port);
        });
    }

    /// <summary>The web application's home page, in Bahasa Indonesia, with the permit catalogue.</summary>
    static async Task ExpectHomePageAsync(int port)
    {
        using var http = new HttpClient();
        HttpResponseMessage? home = null;
        // The Web starts after the Gateway: give it a moment to listen.
        for (var attempt = 0; home is null; attempt++)
        {
            try
            {
                home = await http.GetAsync($"http://127.0.0.1:{port}/");
            }
            catch (HttpRequestException) when (attempt < 120)
            {
                await Task.Delay(500);
            }
        }

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"id\"", html);
        Assert.Contains("Jenis izin", html);
    }

    [Fact]
    public async Task Run_distributed_sh_runs_each_service_on_RabbitMQ_and_stops_them_all_on_SIGTERM()
    {
        var port = FreePorts(7);
        var vhost = RabbitMq.CreateVirtualHost();
        try
        {
            await RunScriptAsync("scripts/run-distributed.sh", port, new Dictionary<string, string> { ["Bus__RabbitMq__VirtualHost"] = vhost }, async api =>
            {
                var applicant = PtspClient.NewApplicant();
                var id = await api.RegisterAsync(applicant);
                var frontOffice = await api.TokenAsync("frontoffice", "Ptsp-Demo-2026");
                await api.WaitForPendingAsync(id, frontOffice);
                Assert.Contains("submit-registration", RabbitMq.Queues(vhost));
                for (var p = port + 1; p <= port + 6; p++)
                    Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync($"http://127.0.0.1:{p}/health/ready")).StatusCode);
                // The web application, its own process on the port after the services', a client of the Gateway.
                await ExpectHomePageAsync(port + 6);
            });
            for (var p = port; p <= port + 6; p++)
                Assert.False(Listening(p), $"port {p} still served after SIGTERM");
        }
        finally
        {
            RabbitMq.DeleteVirtualHost(vhost);
        }
    }

    async Task RunScriptAsync(string script, int port, Dictionary<string, string> environment, Func<PtspClient, Task> check)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Storage__Sqlite__Directory"] = _directory;
        info.Environment.Remove("Seed__OfficerPassword");
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var api = new PtspClient(new Uri($"http://127.0.0.1:{port}"));
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (true)
            {
                try
                {
                    if ((await api.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                        break;
                }
                catch (HttpRequestException)
                {
                }

                Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"{script} did not serve /health/ready:\n{output}");
                await Task.Delay(500);
            }

            lock (output)
                Assert.Contains($"http://127.0.0.1:{port}", output.ToString());
            await check(api);
        }
        finally
        {
            if (!process.HasExited)
                Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(process.WaitForExit(60_000), $"{script} did not stop on SIGTERM");
        }
    }

    static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 30_000);
            if (Enumerable.Range(first, count).All(p => !Listening(p)))
                return first;
        }

        throw new InvalidOperationException("No free port range.");
    }

    static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => EmbeddedFixture.TryDelete(_directory);
}
