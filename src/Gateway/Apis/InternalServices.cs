using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ptsp.Hosting;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// Where the services' internal file endpoints are (<c>Services__Intake__Url</c>, <c>Services__Technical__Url</c>),
/// and the stream proxy to them: files never travel inside messages. In the all-in-one host the services
/// listen in the same process, so an unset address means "here".
/// </summary>
public sealed class InternalServices(IConfiguration configuration, IServer server, IHttpClientFactory clients)
{
    public const string Intake = nameof(Intake);
    public const string Technical = nameof(Technical);
    public const string Signing = nameof(Signing);

    /// <summary>An endpoint result that streams this request to a service's internal endpoint.</summary>
    public static IResult Forward(InternalServices services, string service, string path) => new ForwardResult(services, service, path);

    sealed class ForwardResult(InternalServices services, string service, string path) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => services.ForwardAsync(httpContext, service, path);
    }

    public Uri BaseFor(string service)
    {
        if (configuration[$"Services:{service}:Url"] is { Length: > 0 } url)
            return new Uri(url);
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? throw new InvalidOperationException($"Services:{service}:Url is not set.");
        return new Uri(own.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").Replace("+", "127.0.0.1").Replace("*", "127.0.0.1"));
    }

    /// <summary>Streams the request (body included) to the service with the caller's token, and its answer back.</summary>
    public async Task ForwardAsync(HttpContext http, string service, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), new Uri(BaseFor(service), path));
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var authorization))
            request.Headers.Authorization = authorization;
        // The services' internal endpoints answer only the Gateway: the caller's token says who asks, the key that the Gateway does.
        request.Headers.TryAddWithoutValidation(InternalEndpoints.Header, InternalEndpoints.ServiceKey(configuration));
        if (HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsPost(http.Request.Method))
        {
            request.Content = new StreamContent(http.Request.Body);
            if (http.Request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var mediaType))
                request.Content.Headers.ContentType = mediaType;
            if (http.Request.ContentLength is { } length)
                request.Content.Headers.ContentLength = length;
        }

        var client = clients.CreateClient(service);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Content.Headers)
        {
            if (header.Key is "Content-Type" or "Content-Disposition" or "Content-Length")
                http.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (response.Headers.Location is { } location)
            http.Response.Headers.Location = location.ToString();
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
