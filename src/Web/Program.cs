using Ptsp.Hosting;
using Ptsp.Web;

return BootstrapLog.Run("web", "Web", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHostDefaults("web");
    builder.AddWebApplication(requireGatewayUrl: true);

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.MapWebApplication();
    app.Run();
});
