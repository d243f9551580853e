using Ptsp.Gateway;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;
using Ptsp.Intake.Applications;
using Ptsp.Registration;
using Ptsp.Signing;
using Ptsp.Signing.Decisions;
using Ptsp.Technical;
using Ptsp.Technical.Reviews;
using Ptsp.Workflow;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("ptsp");
builder.AddGatewayService();
builder.AddRegistrationService();
builder.AddIntakeService();
builder.AddTechnicalService();
builder.AddSigningService();
builder.AddWorkflowService();
builder.AddPtspBus();

var app = builder.Build();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
// The services' internal file endpoints; the Gateway streams to them in this same process.
app.MapIntakeEndpoints();
app.MapTechnicalEndpoints();
app.MapSigningEndpoints();
app.Run();
