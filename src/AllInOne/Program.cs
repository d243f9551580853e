using Ptsp.Gateway;
using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Intake;
using Ptsp.Registration;
using Ptsp.Signing;
using Ptsp.Technical;
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
app.Run();
