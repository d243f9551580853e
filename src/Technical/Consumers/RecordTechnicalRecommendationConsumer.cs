using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

/// <summary>SOP step 6: the technical team recommends approval or rejection (after the BAP, where there was an inspection).</summary>
public sealed class RecordTechnicalRecommendationConsumer(TechnicalStore store, TimeProvider time) : IConsumer<RecordTechnicalRecommendation>
{
    public async Task Consume(ConsumeContext<RecordTechnicalRecommendation> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: TechnicalState.InReview })
        {
            await context.Conflict("Permohonan ini tidak sedang dalam kajian teknis (langkah 6).", stored?.Document.Step);
            return;
        }

        if (m.Recommendation is not { } recommendation)
        {
            await context.Invalid("recommendation", "Rekomendasi wajib diisi: Approve atau Reject.");
            return;
        }

        if (string.IsNullOrWhiteSpace(m.Notes) || m.Notes.Length > 8000)
        {
            await context.Invalid("notes", "Catatan rekomendasi wajib diisi (paling banyak 8000 karakter).");
            return;
        }

        var technical = stored.Document;
        if (technical.NeedsInspectionReport && technical.InspectionReport is null)
        {
            await context.Conflict("Unggah berita acara pemeriksaan (BAP) peninjauan lapangan sebelum memberi rekomendasi.");
            return;
        }

        var now = time.GetUtcNow();
        technical.Recommendation = recommendation;
        technical.Notes = m.Notes.Trim();
        technical.RecommendedBy = m.Officer;
        technical.RecommendedAt = now;
        technical.State = TechnicalState.Recommended;
        await cases.ReplaceAsync(stored.Id, technical, stored.Version,
            [OutboxMessage.Publish(new TechnicalRecommendationIssued(technical.Id, m.Officer, recommendation, technical.Notes, now), now)],
            context.CancellationToken);
        await context.Accepted(technical.Id);
    }
}
