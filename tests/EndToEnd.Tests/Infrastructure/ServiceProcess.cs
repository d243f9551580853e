using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>One Ptsp service running as its own operating-system process, its output kept in a log file.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;

    ServiceProcess(string name, Process process, StreamWriter log, int port)
    {
        Name = name;
        _process = process;
        _log = log;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string LogPath { get; private set; } = "";

    public const string TestPasswordIterations = "10000";

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment, string logDirectory, int? port = null)
    {
        var dll = Repository.ServiceDll(project);
        var chosenPort = port ?? FreePort();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{chosenPort}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Test hosts hash passwords at the lowest cost allowed: every seeded officer and every sign-in pays it (PasswordOptions).
        info.Environment["Accounts__PasswordIterations"] = TestPasswordIterations;
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{project}-{chosenPort}-{DateTime.UtcNow:HHmmssfff}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(project, process, log, chosenPort) { LogPath = logPath };
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (store and broker reachable).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}.\n{Tail()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}.\n{Tail()}");
    }

    /// <summary>Waits for the process to end by itself (a start-up that fails); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}.\n{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, as a crash or an operator's kill -9 would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return $"--- {Name} log ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        lock (_log)
            _log.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}

public static class Repository
{
    public static readonly string Root = FindRoot();

    /// <summary>The built service, from the same configuration as these tests.</summary>
    public static string ServiceDll(string project)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", $"Ptsp.{project}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ptsp.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Ptsp.slnx not found above the test directory.");
    }
}
