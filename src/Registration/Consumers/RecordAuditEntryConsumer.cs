using MassTransit;
using Ptsp.Contracts.Audit;
using Ptsp.Registration.Audit;

namespace Ptsp.Registration.Consumers;

/// <summary>Appends one user action to the audit chain (ADR 0015). Conflicts between keepers are retried inside the append.</summary>
public sealed class RecordAuditEntryConsumer(AuditLog log) : IConsumer<RecordAuditEntry>
{
    public Task Consume(ConsumeContext<RecordAuditEntry> context) => log.AppendAsync(context.Message, context.CancellationToken);
}
