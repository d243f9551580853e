using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Signing;
using Ptsp.Signing.Decisions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("signing");
builder.AddSigningService();
builder.AddPtspBus();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapSigningEndpoints();
app.Run();
