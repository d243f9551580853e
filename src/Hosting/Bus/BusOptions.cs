using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Bus;

public sealed record BusOptions(BusTransport Transport, string Host, ushort Port, string Username, string Password, string VirtualHost)
{
    public static BusOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Bus");
        var transportText = section["Transport"] ?? nameof(BusTransport.InMemory);
        if (!Enum.TryParse<BusTransport>(transportText, ignoreCase: true, out var transport))
            throw new InvalidOperationException($"Bus:Transport must be InMemory or RabbitMq, not '{transportText}'.");

        var rabbit = section.GetSection("RabbitMq");
        var portText = rabbit["Port"];
        ushort port = 5672;
        if (!string.IsNullOrEmpty(portText) && !ushort.TryParse(portText, out port))
            throw new InvalidOperationException($"Bus:RabbitMq:Port '{portText}' is not a port number.");
        if (transport == BusTransport.RabbitMq && string.IsNullOrWhiteSpace(rabbit["Host"]))
            throw new InvalidOperationException("Bus:Transport is RabbitMq but Bus:RabbitMq:Host is not set.");

        return new BusOptions(transport, rabbit["Host"] ?? "", port, rabbit["Username"] ?? "guest", rabbit["Password"] ?? "guest",
            rabbit["VirtualHost"] ?? "/");
    }
}
