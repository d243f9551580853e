using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Signing;
using Ptsp.Signing.Decisions;

return BootstrapLog.Run("signing", "Signing", () =>
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
});
