using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

/// <summary>
/// SOP step 4: FrontOffice checks completeness. Incomplete: the file goes back to the applicant with the
/// missing requirements and a note. Complete: a receipt number (gap-free per year) and on to back office.
/// </summary>
public sealed class RecordCompletenessCheckConsumer(IntakeStore store, PermitCatalogue catalogue, WorkingCalendar calendar, AgencyOptions agency,
    DocumentNumbering numbering, DecisionTemplates templates, ApplicantEmails emails, TimeProvider time)
    : IConsumer<RecordCompletenessCheck>
{
    public async Task Consume(ConsumeContext<RecordCompletenessCheck> context)
    {
        var m = context.Message;
        var applications = await store.ApplicationsAsync(context.CancellationToken);
        var stored = await applications.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var application = stored.Document;
        if (application.State != ApplicationState.Submitted)
        {
            await context.Conflict("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan (langkah 4).", application.Step);
            return;
        }

        if (m.Complete is not { } complete)
        {
            await context.Invalid("complete", "Isian complete (true/false) wajib diisi.");
            return;
        }

        var type = catalogue.Find(application.PermitTypeCode)!;
        var now = time.GetUtcNow();
        if (!complete)
        {
            var known = type.RequiredDocuments.Select(d => d.Code).ToHashSet();
            var missing = (m.MissingRequirements ?? []).Distinct().ToList();
            if (missing.Count == 0 || missing.Any(code => !known.Contains(code)))
            {
                await context.Invalid("missingRequirements",
                    $"Sebutkan kode persyaratan yang kurang (salah satu dari: {string.Join(", ", known)}).");
                return;
            }

            if (string.IsNullOrWhiteSpace(m.Note) || m.Note.Length > 2000)
            {
                await context.Invalid("note", "Catatan untuk pemohon wajib diisi (paling banyak 2000 karakter).");
                return;
            }

            application.State = ApplicationState.Returned;
            var returned = new CompletenessReturn(m.Officer, missing, m.Note.Trim(), now);
            application.Returns.Add(returned);
            await applications.ReplaceAsync(stored.Id, application, stored.Version,
                [
                    OutboxMessage.Publish(new ApplicationReturned(application.Id, m.Officer, missing, returned.Note, application.Round, now), now),
                    .. emails.Outgoing(application, () => emails.Returned(application, type, returned), now),
                ],
                context.CancellationToken);
            await context.Accepted(application.Id);
            return;
        }

        var local = calendar.ToAgencyTime(now);
        var number = await (await store.SequencesAsync(context.CancellationToken)).ClaimAsync(DocumentNumbering.Series(NumberedDocument.Receipt), local.Year,
            application.Id.ToString(), now, context.CancellationToken);
        application.State = ApplicationState.Accepted;
        application.ReceiptNumber = numbering.Format(NumberedDocument.Receipt, number, templates.NumberCode(type.Code), local);
        application.AcceptedAt = now;
        application.AcceptedBy = m.Officer;
        application.AcceptedByOfficer = m.OfficerIdentity ?? new OfficerIdentity(m.Officer, null, null);
        // The receipt is written before the state that points to it; a retry rewrites the same number.
        await using (var receipt = new MemoryStream(ReceiptDocument.Render(application, type, agency, local)))
            await store.Files.PutAsync(IntakeStore.ReceiptKey(application.Id), receipt, context.CancellationToken);
        await applications.ReplaceAsync(stored.Id, application, stored.Version,
            [
                OutboxMessage.Publish(new ApplicationAccepted(application.Id, m.Officer, application.ReceiptNumber, application.PermitTypeCode,
                    type.TechnicalReview, type.StatutoryWorkingDays, now), now),
                .. emails.Outgoing(application, () => emails.Accepted(application, type, calendar.ToAgencyTime(now)), now),
            ],
            context.CancellationToken);
        await context.Accepted(application.Id);
    }
}
