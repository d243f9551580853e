using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>A client of the Gateway's push channel (server-sent events), reading in the background as a browser's EventSource would.</summary>
public sealed class EventStream : IAsyncDisposable
{
    readonly HttpClient _http;
    readonly CancellationTokenSource _stop = new();
    readonly List<ServerEvent> _events = [];
    readonly Task _reading;

    EventStream(HttpClient http, HttpResponseMessage response)
    {
        _http = http;
        _reading = ReadAsync(response);
    }

    public sealed record ServerEvent(string? Id, string Type, JsonObject? Data);

    public IReadOnlyList<ServerEvent> Events
    {
        get
        {
            lock (_events)
                return _events.ToList();
        }
    }

    /// <summary>The <c>application</c> events about one application.</summary>
    public IReadOnlyList<JsonObject> About(Guid applicationId) =>
        Events.Where(e => e.Type == "application" && e.Data?.Get<Guid>("applicationId") == applicationId).Select(e => e.Data!).ToList();

    public string? LastId => Events.LastOrDefault(e => e.Id is not null)?.Id;

    public static async Task<EventStream> OpenAsync(Uri gateway, string token, string? lastEventId = null)
    {
        var http = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(http, response);
    }

    /// <summary>Waits until an event matches, and returns it.</summary>
    public async Task<ServerEvent> WaitForAsync(Func<ServerEvent, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Events.FirstOrDefault(match) is { } found)
                return found;
            if (_reading.IsCompleted)
                break;
            await Task.Delay(20);
        }

        throw new TimeoutException($"No event: {what}. Received: {string.Join(" | ", Events.Select(e => $"{e.Type} {e.Data?.ToJsonString()}"))}");
    }

    public Task<ServerEvent> WaitForStepAsync(Guid applicationId, int? step, string? assignedRole) =>
        WaitForAsync(e => e.Type == "application" && e.Data?.Get<Guid>("applicationId") == applicationId &&
                          e.Data["currentStep"]?.GetValue<int>() == step && e.Data["assignedRole"]?.GetValue<string>() == assignedRole,
            $"{applicationId} at step {step} with {assignedRole}");

    async Task ReadAsync(HttpResponseMessage response)
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            string? id = null, type = null, data = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (type is not null || data is not null)
                    {
                        lock (_events)
                            _events.Add(new ServerEvent(id, type ?? "message", data is null ? null : JsonNode.Parse(data) as JsonObject));
                    }

                    id = type = data = null;
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                    id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                    type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    data = line[6..];
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            response.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _http.Dispose();
        _stop.Dispose();
    }
}
