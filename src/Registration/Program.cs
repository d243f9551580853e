using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Registration;
using Serilog;

BootstrapLog.Start("registration");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("registration");
    builder.AddRegistrationService();
    builder.AddPtspBus();

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Registration stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
