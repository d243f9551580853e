using MassTransit;
using Ptsp.Contracts.Accounts;

namespace Ptsp.Gateway.Sessions;

/// <summary>Each Gateway hears every <see cref="SessionsEnded"/> on a temporary queue of its own.</summary>
public sealed class SessionsEndedConsumer(SessionStamps stamps) : IConsumer<SessionsEnded>
{
    public Task Consume(ConsumeContext<SessionsEnded> context)
    {
        stamps.Apply(context.Message);
        return Task.CompletedTask;
    }
}
