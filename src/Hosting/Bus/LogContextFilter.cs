using MassTransit;
using SerilogContext = Serilog.Context.LogContext;

namespace Ptsp.Hosting.Bus;

/// <summary>Puts the message's ids on every log event written while it is consumed.</summary>
public sealed class LogContextFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using (SerilogContext.PushProperty("MessageId", context.MessageId))
        using (SerilogContext.PushProperty("ConversationId", context.ConversationId))
        using (SerilogContext.PushProperty("CorrelationId", context.CorrelationId))
        using (SerilogContext.PushProperty("MessageType", typeof(T).Name))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("logContext");
}
