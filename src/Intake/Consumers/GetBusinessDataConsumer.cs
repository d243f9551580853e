using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;

namespace Ptsp.Intake.Consumers;

/// <summary>The business data (name, address, description), for the owner's edit form and the officers' file page.</summary>
public sealed class GetBusinessDataConsumer(IntakeStore store) : IConsumer<GetBusinessData>
{
    public async Task Consume(ConsumeContext<GetBusinessData> context)
    {
        var m = context.Message;
        var stored = await (await store.ApplicationsAsync(context.CancellationToken)).FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null || (!m.Officer && stored.Document.ApplicantUsername != m.Username))
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var a = stored.Document;
        await context.RespondAsync(new BusinessData(a.Id, a.BusinessName, a.BusinessAddress, a.Description));
    }
}
