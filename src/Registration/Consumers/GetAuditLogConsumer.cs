using MassTransit;
using Ptsp.Contracts.Audit;
using Ptsp.Registration.Audit;

namespace Ptsp.Registration.Consumers;

public sealed class GetAuditLogConsumer(AuditLog log) : IConsumer<GetAuditLog>
{
    public async Task Consume(ConsumeContext<GetAuditLog> context) =>
        await context.RespondAsync(await log.PageAsync(context.Message, context.CancellationToken));
}
