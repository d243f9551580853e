using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

/// <summary>SOP step 3 → 4: the applicant submits the file; every required document must be there.</summary>
public sealed class SubmitApplicationConsumer(IntakeStore store, PermitCatalogue catalogue, ApplicantEmails emails, WorkingCalendar calendar,
    TimeProvider time) : IConsumer<SubmitApplication>
{
    public async Task Consume(ConsumeContext<SubmitApplication> context)
    {
        var (applications, stored) = await store.FindOwnAsync(context.Message.ApplicationId, context.Message.ApplicantUsername, context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var application = stored.Document;
        if (application.State != ApplicationState.Draft)
        {
            await context.Conflict("Permohonan ini sudah diajukan.", application.Step);
            return;
        }

        var type = catalogue.Find(application.PermitTypeCode)!;
        var missing = type.RequiredDocuments.Where(d => !application.Documents.ContainsKey(d.Code)).ToList();
        if (missing.Count > 0)
        {
            await context.Invalid("documents", "Dokumen persyaratan belum lengkap: " + string.Join(", ", missing.Select(d => $"{d.Code} ({d.Name})")) + ".");
            return;
        }

        var now = time.GetUtcNow();
        application.State = ApplicationState.Submitted;
        application.Round = 1;
        application.SubmittedAt = now;
        await applications.ReplaceAsync(stored.Id, application, stored.Version,
            [
                OutboxMessage.Publish(new ApplicationSubmitted(application.Id, application.ApplicantUsername, application.PermitTypeCode, 1, now), now),
                .. emails.Outgoing(application, () => emails.Submitted(application, type, calendar.ToAgencyTime(now)), now),
            ],
            context.CancellationToken);
        await context.Accepted(application.Id);
    }
}
