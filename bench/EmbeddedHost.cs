using System.Diagnostics;

namespace Ptsp.Bench;

/// <summary>
/// The all-in-one host (the embedded mode: in-memory bus, SQLite; pages at /, API at /api/v1) as a process of its own in a
/// temporary folder, for the bench modes that measure it (<c>--embedded</c>, <c>--worklist</c>).
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    public const string Name = "all-in-one";

    readonly Process _process;
    readonly string _directory;

    EmbeddedHost(Process process, string directory, Uri baseAddress) => (_process, _directory, BaseAddress) = (process, directory, baseAddress);

    public Uri BaseAddress { get; }

    public string MailDirectory => Path.Combine(_directory, "mail");

    public int Pid => _process.Id;

    public static async Task<EmbeddedHost> StartAsync(string root, BenchOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("ptsp-embedded-").FullName;
        var port = Cluster.FreePort();
        var dll = Path.Combine(root, "src", "AllInOne", "bin", "Release", "net10.0", "Ptsp.AllInOne.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Storage__Sqlite__Directory"] = Path.Combine(directory, "data");
        info.Environment["Mail__PickupDirectory"] = Path.Combine(directory, "mail");
        info.Environment["Seed__OfficerPassword"] = options.OfficerPassword;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in Cluster.RaisedRateLimits)
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new EmbeddedHost(process, directory, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await host.WaitReadyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU seconds (user + system) the host has used so far.</summary>
    public Dictionary<string, double> CpuSeconds()
    {
        _process.Refresh();
        return new() { [Name] = _process.TotalProcessorTime.TotalSeconds };
    }

    async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException("The all-in-one host did not become ready within 120 s.");
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
