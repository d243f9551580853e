using Ptsp.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Workflow;

return BootstrapLog.Run("workflow", "Workflow", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("workflow");
    builder.AddWorkflowService();
    builder.AddPtspBus();

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.Run();
});
