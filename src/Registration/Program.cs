using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Registration;

return BootstrapLog.Run("registration", "Registration", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("registration");
    builder.AddRegistrationService();
    builder.AddPtspBus();

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.Run();
});
