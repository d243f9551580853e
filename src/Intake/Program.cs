using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;
using Ptsp.Intake.Applications;

return BootstrapLog.Run("intake", "Intake", () =>
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
});
