using Ptsp.Hosting;
using Ptsp.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults("web");
builder.AddWebApplication(requireGatewayUrl: true);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapWebApplication();
app.Run();
