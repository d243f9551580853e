using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Technical;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("technical");
builder.AddTechnicalService();
builder.AddPtspBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
