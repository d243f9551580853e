using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;

namespace Ptsp.Intake.Consumers;

/// <summary>Workflow accepted the applicant's withdrawal: the file is closed here, so no upload, submission or check is taken any more.</summary>
public sealed class ApplicationWithdrawnConsumer(IntakeStore store) : IConsumer<ApplicationWithdrawn>
{
    public async Task Consume(ConsumeContext<ApplicationWithdrawn> context)
    {
        var applications = await store.ApplicationsAsync(context.CancellationToken);
        var stored = await applications.FindAsync(context.Message.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null || stored.Document.State == ApplicationState.Withdrawn)
            return;
        stored.Document.State = ApplicationState.Withdrawn;
        stored.Document.WithdrawnAt = context.Message.WithdrawnAt;
        // A conflict (the file changed meanwhile) is retried by the endpoint with a fresh read.
        await applications.ReplaceAsync(stored.Id, stored.Document, stored.Version, cancellationToken: context.CancellationToken);
    }
}
