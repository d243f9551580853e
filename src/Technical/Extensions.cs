using Ptsp.Hosting;

namespace Ptsp.Technical;

public static class Extensions
{
    public const string Store = "technical";

    /// <summary>SOP steps 5–6: technical data, meeting and inspection schedule, recommendation, inspection report (BAP). Its domain arrives with the permit process (issue 3); today it owns its store and joins the bus.</summary>
    public static IHostApplicationBuilder AddTechnicalService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        return builder;
    }
}
