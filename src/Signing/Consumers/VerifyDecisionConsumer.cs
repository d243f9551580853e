using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

/// <summary>SOP steps 8 and 9: the section head, then the division head, validate the draft or return it to drafting.</summary>
public sealed class VerifyDecisionConsumer(SigningStore store, TimeProvider time) : IConsumer<VerifyDecision>
{
    public async Task Consume(ConsumeContext<VerifyDecision> context)
    {
        var m = context.Message;
        var (expected, next) = m.Role switch
        {
            Roles.SectionHead => (DecisionState.AwaitingSectionHead, DecisionState.AwaitingDivisionHead),
            Roles.DivisionHead => (DecisionState.AwaitingDivisionHead, DecisionState.AwaitingSignature),
            _ => ((DecisionState?)null, DecisionState.AwaitingDraft),
        };
        if (expected is null)
        {
            await context.RespondAsync(new Contracts.Common.CommandRefused(Contracts.Common.RefusalKind.Forbidden,
                "Hanya Kepala Seksi (langkah 8) dan Kepala Bidang (langkah 9) yang memverifikasi draf."));
            return;
        }

        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null || stored.Document.State != expected)
        {
            await context.Conflict(m.Role == Roles.SectionHead
                ? "Draf ini tidak sedang menunggu verifikasi Kepala Seksi (langkah 8)."
                : "Draf ini tidak sedang menunggu verifikasi Kepala Bidang (langkah 9).", stored?.Document.Step);
            return;
        }

        // "Kasi terkait" (step 8): the section head of the permit's sector, no other.
        if (m.Role == Roles.SectionHead && stored.Document.Sector is { } sector && m.Sectors is { } sectors && !sectors.Contains(sector))
        {
            await context.RespondAsync(new Contracts.Common.CommandRefused(Contracts.Common.RefusalKind.Forbidden,
                $"Berkas ini termasuk sektor {Sectors.Names.GetValueOrDefault(sector, sector)}, yang bukan sektor Anda; verifikasi dilakukan Kepala Seksi sektor tersebut."));
            return;
        }

        if (m.Approve is not { } approve)
        {
            await context.Invalid("approve", "Isian approve (true/false) wajib diisi.");
            return;
        }

        if (!approve && (string.IsNullOrWhiteSpace(m.Note) || m.Note.Length > 4000))
        {
            await context.Invalid("note", "Catatan perbaikan wajib diisi saat draf dikembalikan (paling banyak 4000 karakter).");
            return;
        }

        var decision = stored.Document;
        var now = time.GetUtcNow();
        decision.Reviews.Add(new Review(decision.Revision, m.Officer, m.Role, approve, m.Note?.Trim(), now));
        decision.State = approve ? next : DecisionState.AwaitingDraft;
        var outgoing = approve
            ? OutboxMessage.Publish(new DecisionVerified(decision.Id, m.Officer, m.Role, decision.Revision, now), now)
            : OutboxMessage.Publish(new DecisionReturned(decision.Id, m.Officer, m.Role, m.Note!.Trim(), decision.Revision, now), now);
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version, [outgoing],
            context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}
