using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ptsp.Bench;

/// <summary>
/// A client that waits out faults: every request is repeated on a 5xx (503 while a service restarts), 429 or a connection
/// error, taking the Gateways in turn (two replicas: each attempt goes to the next one, so a killed Gateway costs one attempt).
/// </summary>
public sealed class PatientClient(IReadOnlyList<Uri> gateways) : IDisposable
{
    readonly List<HttpClient> _clients = gateways.Select(g => new HttpClient { BaseAddress = g, Timeout = TimeSpan.FromSeconds(40) }).ToList();
    int _next;
    int _retries;
    int _internalErrors;

    /// <summary>Requests sent again after a 5xx, 429 or lost connection.</summary>
    public int Retries => _retries;

    /// <summary>Answers 500 among them: a service behind the Gateway being down should answer 503 (issue 14 point 7), never 500.</summary>
    public int InternalErrors => _internalErrors;

    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var attempt = 0; ; attempt++)
        {
            var client = _clients[(int)((uint)Interlocked.Increment(ref _next) % _clients.Count)];
            string failure;
            try
            {
                var response = await client.SendAsync(request());
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    return response;
                failure = $"{(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                    Interlocked.Increment(ref _internalErrors);
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                failure = e.GetType().Name;
            }

            Interlocked.Increment(ref _retries);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"no answer but {failure} for {Patience.TotalMinutes:F0} min");
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(attempt, 5)) + Random.Shared.Next(100)));
        }
    }

    /// <summary>A request as <paramref name="session"/>; a 401 (token ended) signs in again once.</summary>
    public async Task<HttpResponseMessage> SendAsync(Session session, HttpMethod method, string path, Func<HttpContent?>? content = null,
        string? idempotencyKey = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await session.TokenAsync(this);
            var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (idempotencyKey is not null)
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            });
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
                return response;
            session.Forget(token);
        }
    }

    public async Task<JsonObject> GetJsonAsync(Session session, string path)
    {
        using var response = await SendAsync(session, HttpMethod.Get, path);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonArray> GetJsonArrayAsync(Session session, string path)
    {
        using var response = await SendAsync(session, HttpMethod.Get, path);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public async Task<string?> LoginAsync(string username, string password)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { username, password }),
        });
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return null;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"login {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public void Dispose()
    {
        foreach (var client in _clients)
            client.Dispose();
    }
}

/// <summary>A user's credentials and their current token, signed in when first needed and again when the token is refused.</summary>
public sealed class Session(string username, string password)
{
    readonly SemaphoreSlim _gate = new(1);
    string? _token;

    public string Username { get; } = username;

    public string Password { get; } = password;

    public async Task<string> TokenAsync(PatientClient client)
    {
        await _gate.WaitAsync();
        try
        {
            return _token ??= await client.LoginAsync(Username, Password)
                ?? throw new InvalidOperationException($"{Username} could not sign in");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget(string token) => Interlocked.CompareExchange(ref _token, null, token);
}
