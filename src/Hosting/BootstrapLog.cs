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
