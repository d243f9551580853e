using Ptsp.Gateway;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;
using Ptsp.Intake.Applications;
using Ptsp.Registration;
using Ptsp.Signing;
using Ptsp.Signing.Decisions;
using Ptsp.Technical;
using Ptsp.Technical.Reviews;
using Ptsp.Web;
using Ptsp.Workflow;

return BootstrapLog.Run("ptsp", "AllInOne", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    // The internal file endpoints answer only the Gateway in this process, by a key made now (ADR 0013).
    builder.Configuration.UseGeneratedServiceKey();
    builder.AddServiceDefaults("ptsp");
    builder.AddGatewayService();
    builder.AddRegistrationService();
    builder.AddIntakeService();
    builder.AddTechnicalService();
    builder.AddSigningService();
    builder.AddWorkflowService();
    // The web application on the same listener: pages at /, the API at /api/v1 (its Gateway is this process).
    builder.AddWebApplication();
    builder.AddPtspBus();

    var app = builder.Build();
    // On the public listener /internal/... is not there (404) without the key only this process knows.
    app.UseInternalServiceKey(hideWithoutKey: true);
    app.UseGateway();
    app.MapDefaultEndpoints();
    app.MapGatewayEndpoints();
    // The services' internal file endpoints; the Gateway streams to them in this same process.
    app.MapIntakeEndpoints();
    app.MapTechnicalEndpoints();
    app.MapSigningEndpoints();
    app.MapWebApplication();
    app.Run();
});
