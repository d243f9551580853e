using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

/// <summary>The public record of a signed decision, for the verification API and page.</summary>
public sealed class GetDecisionVerificationConsumer(SigningStore store) : IConsumer<GetDecisionVerification>
{
    public async Task Consume(ConsumeContext<GetDecisionVerification> context)
    {
        var found = await (await store.DecisionsAsync(context.CancellationToken))
            .QueryAsync(Query.By("documentNumber", context.Message.DocumentNumber).Take(1), context.CancellationToken);
        if (found.Count == 0 || found[0].Document is not { State: DecisionState.Signed } d)
        {
            await context.NotFound("Nomor dokumen tidak terdaftar.");
            return;
        }

        await context.RespondAsync(new DecisionVerification(d.DocumentNumber!, d.Drafts[^1].Kind, d.Id, d.HolderName, d.BusinessName, d.PermitTypeName,
            d.SignedAt!.Value, d.SignerName!, d.Sha256!, Valid: d.RevokedAt is null, d.RevokedAt, d.RevocationReason));
    }
}
