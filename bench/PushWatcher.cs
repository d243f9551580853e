using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ptsp.Bench;

/// <summary>
/// "Visible" as a person sees it: the Gateway's push channel (server-sent events). One stream per token (each
/// officer role, each applicant); an action registers what it waits for before it is sent, and the stream of
/// whoever acts next completes it when the move arrives. No polling.
/// </summary>
public sealed class PushWatcher(HttpClient http) : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, Task> _streams = new();
    readonly ConcurrentDictionary<(string Token, Guid Application, int? Step), TaskCompletionSource> _waiters = new();
    readonly ConcurrentDictionary<(string Token, Guid Application, int? Step), bool> _seen = new();
    readonly CancellationTokenSource _stop = new();

    /// <summary>Opens the token's stream (once) and waits until the server has accepted it.</summary>
    public async Task WatchAsync(string token)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_streams.TryAdd(token, Task.Run(() => ReadAsync(token, ready))))
            await ready.Task;
    }

    /// <summary>What an action will wait for: the application at <paramref name="step"/> (null: decided) on <paramref name="token"/>'s stream.</summary>
    public Task Expect(string token, Guid application, int? step)
    {
        var key = (token, application, step);
        var waiter = _waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_seen.ContainsKey(key))
            waiter.TrySetResult();
        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    async Task ReadAsync(string token, TaskCompletionSource ready)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            ready.TrySetResult();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!line.StartsWith("data: {\"applicationId\"", StringComparison.Ordinal))
                    continue;
                var data = JsonNode.Parse(line.AsSpan(6).ToString())!;
                var id = data["applicationId"]!.GetValue<Guid>();
                var step = data["currentStep"]?.GetValue<int>();
                var key = (token, id, step is null && data["status"]!.GetValue<string>() is "Issued" or "Rejected" ? null : step);
                _seen[key] = true;
                if (_waiters.TryGetValue(key, out var waiter))
                    waiter.TrySetResult();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            ready.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_streams.Values.Select(t => t.ContinueWith(_ => { })));
        _stop.Dispose();
    }
}
