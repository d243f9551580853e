using Ptsp.Gateway;
using Ptsp.Gateway.Apis;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;

return BootstrapLog.Run("gateway", "Gateway", () =>
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
});
