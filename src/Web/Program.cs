using Ptsp.Hosting;
using Ptsp.Web;
using Serilog;

BootstrapLog.Start("web");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHostDefaults("web");
    builder.AddWebApplication(requireGatewayUrl: true);

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.MapWebApplication();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Web stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
