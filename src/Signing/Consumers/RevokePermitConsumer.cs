using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

/// <summary>
/// After step 10: the agency head revokes a signed permit with a reason. Verification answers valid: false from then on,
/// and outside systems hear <see cref="PermitRevoked"/> (one write: the state and the event).
/// </summary>
public sealed class RevokePermitConsumer(SigningStore store, TimeProvider time) : IConsumer<RevokePermit>
{
    public async Task Consume(ConsumeContext<RevokePermit> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        // No decision here yet (or no such application: Signing cannot tell them apart) is, like any other step, a conflict.
        if (stored is null || stored.Document.State != DecisionState.Signed || stored.Document.Drafts[^1].Kind != DecisionKind.Permit)
        {
            await context.Conflict("Hanya izin yang sudah ditandatangani yang dapat dicabut.", stored?.Document.Step);
            return;
        }

        var decision = stored.Document;
        if (decision.RevokedAt is not null)
        {
            await context.Conflict("Izin ini sudah dicabut.");
            return;
        }

        if (string.IsNullOrWhiteSpace(m.Reason) || m.Reason.Trim().Length > 2000)
        {
            await context.Invalid("reason", "Alasan pencabutan wajib diisi (paling banyak 2000 karakter).");
            return;
        }

        var now = time.GetUtcNow();
        decision.RevokedAt = now;
        decision.RevokedBy = m.OfficerName;
        decision.RevocationReason = m.Reason.Trim();
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Publish(new PermitRevoked(decision.Id, decision.DocumentNumber!, decision.PermitTypeCode, decision.RevocationReason, m.OfficerName,
                now), now)], context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}
