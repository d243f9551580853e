using Ptsp.Hosting;

namespace Ptsp.Signing;

public static class Extensions
{
    public const string Store = "signing";

    /// <summary>SOP steps 7–10: decision drafts, the two verifications, electronic signature, signed PDFs, verification records. Its domain arrives with the permit process (issue 3); today it owns its store and joins the bus.</summary>
    public static IHostApplicationBuilder AddSigningService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(Store);
        return builder;
    }
}
