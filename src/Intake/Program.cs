using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;
using Ptsp.Intake.Applications;
using Serilog;

BootstrapLog.Start("intake");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("intake");
    builder.AddIntakeService();
    builder.AddPtspBus();

    var app = builder.Build();
    // Only the Gateway, with the service key, reaches the internal file endpoints (ADR 0013).
    app.UseInternalServiceKey();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapDefaultEndpoints();
    app.MapIntakeEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Intake stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
