using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Technical;
using Ptsp.Technical.Reviews;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("technical");
builder.AddTechnicalService();
builder.AddPtspBus();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapTechnicalEndpoints();
app.Run();
