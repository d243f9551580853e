using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

/// <summary>After a return (step 4), the applicant resubmits once every missing document has been replaced.</summary>
public sealed class ResubmitApplicationConsumer(IntakeStore store, PermitCatalogue catalogue, ApplicantEmails emails, WorkingCalendar calendar,
    TimeProvider time) : IConsumer<ResubmitApplication>
{
    public async Task Consume(ConsumeContext<ResubmitApplication> context)
    {
        var (applications, stored) = await store.FindOwnAsync(context.Message.ApplicationId, context.Message.ApplicantUsername, context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var application = stored.Document;
        if (application.State != ApplicationState.Returned)
        {
            await context.Conflict("Permohonan ini tidak sedang dikembalikan kepada pemohon.", application.Step);
            return;
        }

        var lastReturn = application.Returns[^1];
        var notReplaced = lastReturn.MissingRequirements
            .Where(code => !application.Documents.TryGetValue(code, out var document) || document.UploadedAt <= lastReturn.At)
            .ToList();
        if (notReplaced.Count > 0)
        {
            await context.Invalid("documents", "Dokumen berikut belum diganti sejak permohonan dikembalikan: " + string.Join(", ", notReplaced) + ".");
            return;
        }

        var now = time.GetUtcNow();
        application.State = ApplicationState.Submitted;
        application.Round++;
        application.SubmittedAt = now;
        var type = catalogue.Find(application.PermitTypeCode)!;
        await applications.ReplaceAsync(stored.Id, application, stored.Version,
            [
                OutboxMessage.Publish(new ApplicationSubmitted(application.Id, application.ApplicantUsername, application.PermitTypeCode, application.Round,
                    now), now),
                .. emails.Outgoing(application, () => emails.Submitted(application, type, calendar.ToAgencyTime(now)), now),
            ],
            context.CancellationToken);
        await context.Accepted(application.Id);
    }
}
