using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ptsp.Bench;

/// <summary>The broker's own count of published messages (management plugin), per virtual host.</summary>
static class Broker
{
    public static async Task<long> PublishedAsync(string vhost)
    {
        // The management plugin refreshes its statistics every 5 s.
        await Task.Delay(TimeSpan.FromSeconds(6));
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var vhostInfo = await http.GetFromJsonAsync<JsonObject>($"/api/vhosts/{Uri.EscapeDataString(vhost)}");
        return vhostInfo?["message_stats"]?["publish"]?.GetValue<long>() ?? 0;
    }
}

/// <summary>The raw bus's message: about the size of a Ptsp event.</summary>
public sealed record RawPing(int Number, string Payload);

/// <summary>MassTransit alone on the same broker: publish → consume the same number of messages, durable, with confirms (MassTransit's defaults).</summary>
static class RawBus
{
    public static async Task<(int Messages, double Seconds)> MeasureAsync(string host, int messages)
    {
        var vhost = "ptsp-bench-raw-" + Guid.NewGuid().ToString("N")[..8];
        Cluster.Ctl("add_vhost", vhost);
        Cluster.Ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        var counter = new Counter(messages);
        var provider = new ServiceCollection()
            .AddSingleton(counter)
            .AddMassTransit(x =>
            {
                x.AddConsumer<PingConsumer>();
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(host, vhost, h => { });
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var payload = new string('x', 400); // about the size of a Ptsp event
            var clock = Stopwatch.StartNew();
            for (var sent = 0; sent < messages; sent += 64)
                await Task.WhenAll(Enumerable.Range(sent, Math.Min(64, messages - sent)).Select(i => bus.Publish(new RawPing(i, payload))));
            await counter.Done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return (messages, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await bus.StopAsync();
            await provider.DisposeAsync();
            Cluster.Ctl("delete_vhost", vhost);
        }
    }

    sealed class Counter(int expected)
    {
        int _seen;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Seen()
        {
            if (Interlocked.Increment(ref _seen) == expected)
                Done.TrySetResult();
        }
    }

    sealed class PingConsumer(Counter counter) : IConsumer<RawPing>
    {
        public Task Consume(ConsumeContext<RawPing> context)
        {
            counter.Seen();
            return Task.CompletedTask;
        }
    }
}
