using Ptsp.Gateway;
using Ptsp.Gateway.Apis;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Serilog;

BootstrapLog.Start("gateway");
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("gateway");
    builder.AddGatewayService();
    foreach (var service in new[] { InternalServices.Intake, InternalServices.Technical, InternalServices.Signing })
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"Services:{service}:Url"]))
            throw new InvalidOperationException($"Services:{service}:Url must name the {service} service's address (e.g. http://127.0.0.1:5083).");
    }

    // The services let only the Gateway into their internal file endpoints, by this key (ADR 0013).
    InternalEndpoints.ServiceKey(builder.Configuration);
    builder.AddPtspBus();

    var app = builder.Build();
    app.UseGateway();
    app.MapDefaultEndpoints();
    app.MapGatewayEndpoints();
    app.Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // A bad setting or an unreachable dependency: say so in the log, and exit non-zero so the supervisor sees it.
    Log.Fatal(e, "Gateway stopped: {Reason}", e.Message);
    return 1;
}
finally
{
    Log.CloseAndFlush();
}
