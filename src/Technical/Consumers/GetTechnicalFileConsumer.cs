using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

/// <summary>The technical file as officers read it back (the Gateway admits only the roles whose steps need it).</summary>
public sealed class GetTechnicalFileConsumer(TechnicalStore store) : IConsumer<GetTechnicalFile>
{
    public async Task Consume(ConsumeContext<GetTechnicalFile> context)
    {
        var stored = await (await store.CasesAsync(context.CancellationToken)).FindAsync(context.Message.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Belum ada data teknis untuk permohonan ini (berkas belum sampai pada langkah 5).");
            return;
        }

        var t = stored.Document;
        // Files scheduled before sessions were kept have one session: the one scheduled.
        var sessions = t.Sessions.Count > 0 || t.ScheduledAt is null
            ? t.Sessions
            : [new ScheduledSession(t.ScheduledKind ?? t.Review.Kind, t.ScheduledAt.Value, t.Location ?? "", [])];
        await context.RespondAsync(new TechnicalFile(t.Id, t.Data, t.Review.Kind, t.Review.WorkingDays, t.ScheduledKind,
            sessions.Select(x => new ReviewSession(x.Kind, x.ScheduledAt, x.Location, x.Changes.Count)).ToList(), t.ReviewDueAt, t.ScheduledBy,
            t.InspectionReport is { } r ? new InspectionReportInfo(r.Sha256, r.Length, r.UploadedBy, r.UploadedAt) : null,
            t.Recommendation, t.Notes, t.RecommendedBy, t.RecommendedAt));
    }
}
