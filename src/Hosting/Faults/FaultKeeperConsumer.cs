using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Faults;

/// <summary>The keeper's queue: answers the Gateway's list, replay and discard requests about this service's faults.</summary>
public sealed class FaultKeeperConsumer(FaultLog faults) : IConsumer<ListFaults>, IConsumer<ReplayFault>, IConsumer<DiscardFault>
{
    public async Task Consume(ConsumeContext<ListFaults> context) =>
        await context.RespondAsync(new FaultList(faults.Keeper, await faults.ListAsync(context.Message.IncludeResolved, context.CancellationToken)));

    public async Task Consume(ConsumeContext<ReplayFault> context) =>
        await RespondAsync(context, await faults.ReplayAsync(context.Message.Id, context.Message.RequestedBy, context.CancellationToken));

    public async Task Consume(ConsumeContext<DiscardFault> context) =>
        await RespondAsync(context, await faults.DiscardAsync(context.Message.Id, context.Message.RequestedBy, context.CancellationToken));

    static Task RespondAsync(ConsumeContext context, object answer) => answer switch
    {
        FaultView view => context.RespondAsync(view),
        CommandRefused refused => context.RespondAsync(refused),
        _ => throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name}."),
    };
}
