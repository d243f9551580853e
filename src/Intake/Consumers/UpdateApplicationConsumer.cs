using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;

namespace Ptsp.Intake.Consumers;

/// <summary>
/// The applicant corrects the business data while the file is with them (a draft, or returned at step 4); once submitted the
/// counter judges what was submitted, so the data are fixed (409 with the step).
/// </summary>
public sealed class UpdateApplicationConsumer(IntakeStore store, TimeProvider time) : IConsumer<UpdateApplication>
{
    public async Task Consume(ConsumeContext<UpdateApplication> context)
    {
        var m = context.Message;
        var (applications, stored) = await store.FindOwnAsync(m.ApplicationId, m.ApplicantUsername, context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var application = stored.Document;
        if (application.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            await context.Conflict("Data usaha hanya dapat diubah selama permohonan berupa draf atau dikembalikan kepada pemohon.", application.Step);
            return;
        }

        var errors = new Dictionary<string, string[]>();
        CreateApplicationConsumer.Require(errors, "businessName", m.BusinessName, 200, "Nama usaha");
        CreateApplicationConsumer.Require(errors, "businessAddress", m.BusinessAddress, 500, "Alamat usaha");
        CreateApplicationConsumer.Require(errors, "description", m.Description, 4000, "Uraian kegiatan usaha");
        if (errors.Count > 0)
        {
            await context.Invalid("Data usaha tidak valid.", errors);
            return;
        }

        var now = time.GetUtcNow();
        application.BusinessName = m.BusinessName!.Trim();
        application.BusinessAddress = m.BusinessAddress!.Trim();
        application.Description = m.Description!.Trim();
        await applications.ReplaceAsync(stored.Id, application, stored.Version,
            [OutboxMessage.Publish(new ApplicationUpdated(application.Id, application.ApplicantUsername, application.BusinessName, application.BusinessAddress,
                now), now)],
            context.CancellationToken);
        await context.Accepted(application.Id);
    }
}
