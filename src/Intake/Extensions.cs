using Ptsp.Hosting;

namespace Ptsp.Intake;

public static class Extensions
{
    public const string Store = "intake";

    /// <summary>SOP steps 3–4: permit type catalogue, applications, requirement documents, completeness check, receipt. Its domain arrives with the permit process (issue 3); today it owns its store and joins the bus.</summary>
    public static IHostApplicationBuilder AddIntakeService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        return builder;
    }
}
