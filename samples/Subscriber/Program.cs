// A sample outside system (a provincial dashboard, an archive): it binds a queue of its own to Ptsp's public event
// exchanges and prints each permit issued and each permit revoked. Plain RabbitMQ.Client; the events are documented
// in docs/asyncapi.json. Settings come from the environment (the same keys as Ptsp's own):
//   Bus__RabbitMq__Host (127.0.0.1), Bus__RabbitMq__Port (5672), Bus__RabbitMq__Username / __Password (guest),
//   Bus__RabbitMq__VirtualHost (/), Subscriber__Queue (sample-subscriber: durable, so nothing is missed while stopped).
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

string Setting(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value : fallback;

var factory = new ConnectionFactory
{
    HostName = Setting("Bus__RabbitMq__Host", "127.0.0.1"),
    Port = int.Parse(Setting("Bus__RabbitMq__Port", "5672"), System.Globalization.CultureInfo.InvariantCulture),
    UserName = Setting("Bus__RabbitMq__Username", "guest"),
    Password = Setting("Bus__RabbitMq__Password", "guest"),
    VirtualHost = Setting("Bus__RabbitMq__VirtualHost", "/"),
    ClientProvidedName = "ptsp-sample-subscriber",
};
var queue = Setting("Subscriber__Queue", "sample-subscriber");
string[] exchanges = ["ptsp.permit-issued.v1", "ptsp.permit-revoked.v1"];

// Ctrl-C or SIGTERM stops it (the source lives as long as the process, so a late signal finds it).
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var connection = await factory.CreateConnectionAsync(stop.Token);
await using var channel = await connection.CreateChannelAsync(cancellationToken: stop.Token);

// Ptsp declares each event's exchange as a durable fanout; declaring it the same way here lets the subscriber start first.
await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stop.Token);
foreach (var exchange in exchanges)
{
    await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stop.Token);
    await channel.QueueBindAsync(queue, exchange, routingKey: "", cancellationToken: stop.Token);
}

await channel.BasicQosAsync(0, 10, false, stop.Token);
var consumer = new AsyncEventingBasicConsumer(channel);
consumer.ReceivedAsync += async (_, delivery) =>
{
    // The body is MassTransit's JSON envelope: the event is its "message"; "messageId" repeats on a redelivery.
    using var envelope = JsonDocument.Parse(delivery.Body);
    var root = envelope.RootElement;
    var m = root.GetProperty("message");
    string Text(string name) => m.TryGetProperty(name, out var value) ? value.ToString() : "";
    Console.WriteLine(delivery.Exchange switch
    {
        "ptsp.permit-issued.v1" =>
            $"PERMIT ISSUED {Text("documentNumber")} | {Text("permitTypeCode")} | {Text("businessName")} | holder {Text("holderName")} | " +
            $"signed {Text("signedAt")} by {Text("signer")} | application {Text("applicationId")} | message {root.GetProperty("messageId")}",
        "ptsp.permit-revoked.v1" =>
            $"PERMIT REVOKED {Text("documentNumber")} | {Text("permitTypeCode")} | revoked {Text("revokedAt")} by {Text("revokedBy")} | " +
            $"reason {Text("reason")} | application {Text("applicationId")} | message {root.GetProperty("messageId")}",
        _ => $"OTHER {delivery.Exchange}: {Encoding.UTF8.GetString(delivery.Body.Span)}",
    });
    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
};
await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stop.Token);
Console.WriteLine($"READY queue {queue} bound to {string.Join(", ", exchanges)} on {factory.HostName}:{factory.Port}{factory.VirtualHost}");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
