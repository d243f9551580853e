using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Signing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("signing");
builder.AddSigningService();
builder.AddPtspBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
