using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

/// <summary>The uploaded requirement documents of an application, for its owner and for officers (before and after acceptance).</summary>
public sealed class GetApplicationDocumentsConsumer(IntakeStore store, PermitCatalogue catalogue) : IConsumer<GetApplicationDocuments>
{
    public async Task Consume(ConsumeContext<GetApplicationDocuments> context)
    {
        var m = context.Message;
        var stored = await (await store.ApplicationsAsync(context.CancellationToken)).FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null || (!m.Officer && stored.Document.ApplicantUsername != m.Username))
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var requirements = catalogue.Find(stored.Document.PermitTypeCode)?.RequiredDocuments ?? [];
        await context.RespondAsync(new ApplicationDocuments(m.ApplicationId, stored.Document.Documents
            .OrderBy(d => requirements.Select(r => r.Code).ToList().IndexOf(d.Key))
            .Select(d => new UploadedDocumentInfo(d.Key, requirements.FirstOrDefault(r => r.Code == d.Key)?.Name ?? d.Key, d.Value.ContentType, d.Value.Length,
                d.Value.Sha256, d.Value.UploadedAt))
            .ToList()));
    }
}
