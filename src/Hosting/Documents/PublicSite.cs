using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Documents;

/// <summary>The public address (<c>Public__BaseUrl</c>) that QR codes on signed documents and links in emails point to.</summary>
public sealed class PublicSite(IConfiguration configuration)
{
    public Uri BaseUrl { get; } = new((configuration["Public:BaseUrl"] ?? (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?.Split(';')[0] ?? "http://127.0.0.1:5080").TrimEnd('/') + "/");

    /// <summary>The path of the applicant's page of one application in the web application (<c>/permohonan/{id}</c>).</summary>
    public const string ApplicationPagePath = "permohonan";

    public string ApplicationUrl(Guid applicationId) => new Uri(BaseUrl, $"{ApplicationPagePath}/{applicationId}").ToString();

    /// <summary>The applicant's satisfaction survey (SKM) of one application, under the application's page.</summary>
    public string SurveyUrl(Guid applicationId) => new Uri(BaseUrl, $"{ApplicationPagePath}/{applicationId}/survei").ToString();

    /// <summary>The verification page of a number; its "/" stay path separators (the page's route is a catch-all), so the QR code reads plainly.</summary>
    public string VerificationUrl(string documentNumber) =>
        new Uri(BaseUrl, "verify/" + string.Join('/', documentNumber.Split('/').Select(Uri.EscapeDataString))).ToString();
}
