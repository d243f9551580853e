using MassTransit;
using Ptsp.Contracts.Audit;
using Ptsp.Registration.Audit;

namespace Ptsp.Registration.Consumers;

public sealed class VerifyAuditLogConsumer(AuditLog log) : IConsumer<VerifyAuditLog>
{
    public async Task Consume(ConsumeContext<VerifyAuditLog> context) =>
        await context.RespondAsync(await log.VerifyAsync(context.CancellationToken));
}
