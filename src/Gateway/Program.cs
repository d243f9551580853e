using Ptsp.Gateway;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGatewayService();
builder.AddPtspBus();

var app = builder.Build();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.Run();
