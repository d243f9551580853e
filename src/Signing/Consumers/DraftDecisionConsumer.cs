using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

/// <summary>SOP step 7: back office drafts the decision the recommendation calls for.</summary>
public sealed class DraftDecisionConsumer(SigningStore store, TimeProvider time) : IConsumer<DraftDecision>
{
    public async Task Consume(ConsumeContext<DraftDecision> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: DecisionState.AwaitingDraft })
        {
            await context.Conflict("Permohonan ini tidak sedang menunggu penyusunan draf (langkah 7).", stored?.Document.Step);
            return;
        }

        var decision = stored.Document;
        if (m.Kind is not { } kind)
        {
            await context.Invalid("kind", "Jenis draf wajib diisi: Permit atau Rejection.");
            return;
        }

        if (kind != decision.ExpectedKind)
        {
            await context.Invalid("kind", decision.ExpectedKind == DecisionKind.Permit
                ? "Rekomendasi tim teknis adalah setuju: susun draf izin (Permit)."
                : "Rekomendasi tim teknis adalah tolak: susun draf surat penolakan (Rejection).");
            return;
        }

        var body = m.Body?.Trim() ?? "";
        if (body.Length > 20_000)
        {
            await context.Invalid("body", "Isi draf paling banyak 20.000 karakter.");
            return;
        }

        var validity = string.IsNullOrWhiteSpace(m.Validity) ? null : m.Validity.Trim();
        var obligations = Lines(m.Obligations);
        var reasons = Lines(m.Reasons);
        if (kind == DecisionKind.Permit)
        {
            if (validity is { Length: > 200 })
            {
                await context.Invalid("validity", "Masa berlaku paling banyak 200 karakter, mis. “5 (lima) tahun”.");
                return;
            }

            if (obligations is { Count: > 30 } || obligations?.Any(o => o.Length > 1000) == true)
            {
                await context.Invalid("obligations", "Kewajiban pemegang izin paling banyak 30 butir, masing-masing paling banyak 1000 karakter.");
                return;
            }

            if (reasons is not null)
            {
                await context.Invalid("reasons", "Alasan penolakan hanya untuk draf surat penolakan (Rejection).");
                return;
            }
        }
        else
        {
            if (validity is not null || obligations is not null)
            {
                await context.Invalid(validity is not null ? "validity" : "obligations",
                    "Masa berlaku dan kewajiban hanya untuk draf izin (Permit); surat penolakan memuat alasan penolakan.");
                return;
            }

            if (reasons is { Count: > 30 } || reasons?.Any(r => r.Length > 2000) == true)
            {
                await context.Invalid("reasons", "Alasan penolakan paling banyak 30 butir, masing-masing paling banyak 2000 karakter.");
                return;
            }

            if (reasons is null && body.Length == 0 && decision.RecommendationNotes is null)
            {
                await context.Invalid("reasons", "Tulis alasan penolakan: surat penolakan harus menyebutkan alasannya.");
                return;
            }
        }

        var now = time.GetUtcNow();
        decision.Drafts.Add(new Draft(decision.Revision + 1, kind, body, m.Officer, now, m.OfficerIdentity?.Name, validity, obligations, reasons));
        decision.State = DecisionState.AwaitingSectionHead;
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Publish(new DecisionDrafted(decision.Id, m.Officer, kind, decision.Revision, now), now)], context.CancellationToken);
        await context.Accepted(decision.Id);
    }

    /// <summary>A list's non-empty items, trimmed; null when none (the template's, or no further reasons).</summary>
    static List<string>? Lines(IReadOnlyList<string>? items) =>
        items?.Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList() is { Count: > 0 } list ? list : null;
}
