using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Documents;

/// <summary>The public address of the Gateway (<c>Public__BaseUrl</c>), which QR codes on signed documents point to.</summary>
public sealed class PublicSite(IConfiguration configuration)
{
    public Uri BaseUrl { get; } = new((configuration["Public:BaseUrl"] ?? (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?.Split(';')[0] ?? "http://127.0.0.1:5080").TrimEnd('/') + "/");

    public string VerificationUrl(string documentNumber) => new Uri(BaseUrl, $"verify/{Uri.EscapeDataString(documentNumber)}").ToString();
}
