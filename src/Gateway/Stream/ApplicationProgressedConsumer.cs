using MassTransit;
using Ptsp.Contracts.Permits;

namespace Ptsp.Gateway.Stream;

/// <summary>Feeds the push channel. Each Gateway has its own temporary queue, so every Gateway sees every change.</summary>
public sealed class ApplicationProgressedConsumer(ChangeFeed feed) : IConsumer<ApplicationProgressed>
{
    public Task Consume(ConsumeContext<ApplicationProgressed> context)
    {
        feed.Add(context.Message);
        return Task.CompletedTask;
    }
}
