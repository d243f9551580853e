using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Workflow;
using Serilog;

BootstrapLog.Start("workflow");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("workflow");
    builder.AddWorkflowService();
    builder.AddPtspBus();

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Workflow stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
