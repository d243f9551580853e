using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>A client of the Gateway's API v1, as another agency's system or the web UI would use it.</summary>
public sealed class PtspClient(Uri gateway) : IDisposable
{
    /// <summary>
    /// Every test drives the system from one address (loopback), far faster than people do: the hosts under test get the
    /// abuse limits (ADR 0013) raised through configuration; the tests of the limits themselves set low ones.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RaisedRateLimits { get; } =
        new[] { "Api", "SignIn", "Registration", "Verification", "Tracking" }.ToDictionary(name => $"RateLimits__{name}__PermitLimit", _ => "1000000");

    readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A registration form (serialised camelCase, as api.md names the fields).</summary>
    public sealed record ApplicantForm(string FullName, string Nik, string Email, string Phone, string Address, string Npwp);

    public static ApplicantForm NewApplicant(string? nik = null, string? email = null, string fullName = "Siti Rahmawati") =>
        new(fullName, nik ?? Nik(), email ?? $"pemohon.{Guid.NewGuid():N}@contoh.co.id", "0812-3456-7890", "Jl. Kapten Halim No. 12, Purwakarta",
            "01.234.567.8-409.000");

    /// <summary>A valid, unique NIK: Purwakarta's 3214 region code, a birth date of 15 May 1990, a random serial.</summary>
    public static string Nik() => $"3214015505{Random.Shared.Next(10, 99)}{Random.Shared.Next(1, 9999):D4}";

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? token = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), token);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string? token = null, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, new StringContent(body, new MediaTypeHeaderValue(contentType)), token);

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    public async Task<Guid> RegisterAsync(ApplicantForm applicant)
    {
        var response = await PostAsync("/api/v1/registrations", applicant);
        await Expect(response, HttpStatusCode.Accepted);
        return (await Json(response))["registrationId"]!.GetValue<Guid>();
    }

    public async Task<JsonObject> LoginAsync(string username, string password)
    {
        var response = await PostAsync("/api/v1/auth/login", new { username, password });
        await Expect(response, HttpStatusCode.OK);
        return await Json(response);
    }

    public async Task<string> TokenAsync(string username, string password) => (await LoginAsync(username, password))["accessToken"]!.GetValue<string>();

    /// <summary>Polls FrontOffice's pending list until the registration shows (the saga is eventually consistent).</summary>
    public async Task<JsonObject> WaitForPendingAsync(Guid registrationId, string frontOfficeToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var response = await GetAsync("/api/v1/registrations?status=Pending", frontOfficeToken);
            await Expect(response, HttpStatusCode.OK);
            var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            if (list.FirstOrDefault(r => r!["registrationId"]!.GetValue<Guid>() == registrationId) is JsonObject found)
                return found;
            await Task.Delay(100);
        }

        throw new TimeoutException($"Registration {registrationId} did not appear in the pending list.");
    }

    public static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: " +
                        await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts a problem-details answer with the status and, for validation, the fields named.</summary>
    public static async Task<JsonObject> ExpectProblem(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        await Expect(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        foreach (var field in fields)
            Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"expected an error for '{field}' in {problem.ToJsonString()}");
        return problem;
    }

    public void Dispose() => _http.Dispose();
}

public static class JsonExtensions
{
    public static T Get<T>(this JsonNode? node, string property) => node![property]!.GetValue<T>();
}
