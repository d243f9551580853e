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

    /// <summary>
    /// The distributed script runs each service as its own process on RabbitMQ, the web application on the port after the
    /// services', and stops them all on SIGTERM. Issue 14 point 2: it supervises its processes. <c>kill -9</c> of Workflow while
    /// a permit is in flight: it is back within seconds under a new pid, no other process was touched, and the permit still
    /// completes. <c>ops.sh</c> shows every process ready, restarts both replicas of Technical, and verifies the audit log.
    /// (One run of the script for both: each start of eight processes costs the suite a minute on two cores.)
    /// </summary>
    [Fact]
    public async Task Run_distributed_sh_runs_each_service_on_RabbitMQ_starts_a_killed_one_again_and_stops_them_all_on_SIGTERM()
    {
        var port = FreePorts(8);
        var vhost = RabbitMq.CreateVirtualHost();
        try
        {
            await RunScriptAsync("scripts/run-distributed.sh", port,
                new Dictionary<string, string> { ["Bus__RabbitMq__VirtualHost"] = vhost, ["PTSP_REPLICAS"] = "Technical=2" }, async api =>
                {
                    for (var p = port + 1; p <= port + 7; p++)
                        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync($"http://127.0.0.1:{p}/health/ready")).StatusCode);
                    // The web application, its own process on the port after the services', a client of the Gateway.
                    await ExpectHomePageAsync(port + 6);

                    var officers = await QuickPermit.OfficersAsync(api, "Ptsp-Demo-2026");
                    var (_, applicant, _) = await QuickPermit.ApplicantAsync(api, new MailPickup(Path.Combine(_directory, "mail")),
                        officers["FrontOffice"], "Rina Kusuma");
                    Assert.Contains("submit-registration", RabbitMq.Queues(vhost));
                    var (id, _) = await QuickPermit.AcceptedAsync(api, applicant, officers);
                    var before = Pids();
                    Assert.Equal(["gateway-1", "intake-1", "registration-1", "signing-1", "technical-1", "technical-2", "web-1", "workflow-1"],
                        before.Keys.Order());
                    Assert.Equal((port + 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        File.ReadAllText(Path.Combine(_directory, "run", "technical-2.port")).Trim());

                    // The permit is at step 5 and Workflow's messages for it may still be on their way: Workflow dies.
                    var killed = Stopwatch.StartNew();
                    Process.Start("kill", ["-9", before["workflow-1"].ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
                    await WaitBackAsync("workflow-1", before["workflow-1"], port + 2);
                    Assert.True(killed.Elapsed < TimeSpan.FromSeconds(60), $"Workflow took {killed.Elapsed} to answer again");
                    var after = Pids();
                    foreach (var (name, pid) in before.Where(p => p.Key != "workflow-1"))
                        Assert.Equal(pid, after[name]);

                    var status = await OpsAsync("status");
                    foreach (var name in before.Keys)
                        Assert.Matches($"(?m)^{name} .* ready$", status);

                    // ops.sh restart stops both Technical replicas; their supervisors bring them back.
                    await OpsAsync("restart", "technical");
                    await WaitBackAsync("technical-1", before["technical-1"], port + 4);
                    await WaitBackAsync("technical-2", before["technical-2"], port + 7);
                    Assert.Equal(after["workflow-1"], Pids()["workflow-1"]);

                    await QuickPermit.IssueAsync(api, id, applicant, officers);

                    // ops.sh audit: the audit log's chain, verified through the Gateway as the administrator (sign-ins and actions above).
                    Assert.Matches(@"^audit log intact: [1-9]\d* entries, every link verified\n$", await OpsAsync("audit"));
                });
            for (var p = port; p <= port + 7; p++)
                Assert.False(Listening(p), $"port {p} still served after SIGTERM");
        }
        finally
        {
            RabbitMq.DeleteVirtualHost(vhost);
        }
    }

    Dictionary<string, int> Pids() =>
        Directory.GetFiles(Path.Combine(_directory, "run"), "*-*.pid").ToDictionary(f => Path.GetFileNameWithoutExtension(f),
            f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Waits until the supervisor started <paramref name="name"/> again (a new pid) and it answers <c>/health/ready</c>.</summary>
    async Task WaitBackAsync(string name, int oldPid, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if (Pids().TryGetValue(name, out var pid) && pid != oldPid &&
                    (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or FormatException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} was not started again");
            await Task.Delay(250);
        }
    }

    async Task<string> OpsAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "scripts/ops.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        info.Environment["Storage__Sqlite__Directory"] = _directory;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ops.sh {string.Join(' ', arguments)} failed: {await error}");
        return await output;
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
            // Generous: the script builds first, and on a loaded machine six .NET processes take minutes to become ready.
            var deadline = DateTime.UtcNow.AddMinutes(8);
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
