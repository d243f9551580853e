using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Signing;
using Ptsp.Signing.Decisions;
using Serilog;

BootstrapLog.Start("signing");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("signing");
    builder.AddSigningService();
    builder.AddPtspBus();

    var app = builder.Build();
    // Only the Gateway, with the service key, reaches the internal file endpoints (ADR 0013).
    app.UseInternalServiceKey();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapDefaultEndpoints();
    app.MapSigningEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Signing stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
