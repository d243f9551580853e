using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("intake");
builder.AddIntakeService();
builder.AddPtspBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
