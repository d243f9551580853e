using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>Publishes events and sends commands on the bus with the outbox message's id as MessageId.</summary>
public sealed class BusOutboxHandler(IBus bus, string kind) : IOutboxHandler
{
    public string Kind { get; } = kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = message.Deserialize(out var type);
        var pipe = Pipe.Execute<SendContext>(context => context.MessageId = message.Id);
        if (message.Kind == OutboxMessage.SendKind)
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination!));
            await endpoint.Send(body, type, pipe, cancellationToken);
        }
        else
        {
            await bus.Publish(body, type, pipe, cancellationToken);
        }
    }
}
