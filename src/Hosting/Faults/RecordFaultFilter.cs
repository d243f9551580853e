using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Faults;

/// <summary>On an endpoint's error pipe: records the fault in the keeper's store; only if that fails does the message go to the <c>_error</c> queue.</summary>
public sealed class RecordFaultFilter(FaultLog faults, ILogger logger) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        try
        {
            await faults.RecordConsumeFaultAsync(context);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the fault of a message on {Queue}; it goes to the error queue", context.InputAddress);
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("recordFault");
}
