using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Technical;
using Ptsp.Technical.Reviews;

return BootstrapLog.Run("technical", "Technical", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("technical");
    builder.AddTechnicalService();
    builder.AddPtspBus();

    var app = builder.Build();
    // Only the Gateway, with the service key, reaches the internal file endpoints (ADR 0013).
    app.UseInternalServiceKey();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapDefaultEndpoints();
    app.MapTechnicalEndpoints();
    app.Run();
});
