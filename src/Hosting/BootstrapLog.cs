using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace Ptsp.Hosting;

/// <summary>
/// Serilog's first stage (as in MassTransit's Sample-ForkJoint and the Serilog docs): a console logger from the first line of
/// <c>Program.cs</c>, so a setting that stops start-up is logged like everything else; the host's configured logger
/// (<see cref="ServiceDefaults.AddHostDefaults"/>) takes over once it is built, and <c>Log.CloseAndFlush()</c> ends both.
/// </summary>
public static class BootstrapLog
{
    /// <summary>
    /// Runs a process's <c>Program.cs</c> body under the bootstrap logger: a failure (a bad setting, an unreachable dependency) is
    /// logged as <c>Fatal</c> "{<paramref name="displayName"/>} stopped: {reason}" and the exit code is 1, so a supervisor sees it;
    /// the log is flushed on every exit.
    /// </summary>
    public static int Run(string serviceName, string displayName, Action run)
    {
        Start(serviceName);
        try
        {
            run();
            return 0;
        }
        catch (Exception e) when (e is not Microsoft.Extensions.Hosting.HostAbortedException)
        {
            Log.Fatal(e, displayName + " stopped: {Reason}", e.Message);
            return 1;
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }

    public static void Start(string serviceName) =>
        Log.Logger = new LoggerConfiguration()
            .Enrich.WithProperty("Service", serviceName)
            .WriteTo.Console(ConsoleFormatter())
            .CreateLogger();

    /// <summary>JSON lines when the output is collected (containers, the scripts' log files), readable lines in a terminal.</summary>
    public static ITextFormatter ConsoleFormatter() =>
        Console.IsOutputRedirected
            ? new CompactJsonFormatter()
            : new Serilog.Formatting.Display.MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Service}: {Message:lj}{NewLine}{Exception}");
}
