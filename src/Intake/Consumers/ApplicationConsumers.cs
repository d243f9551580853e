using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

public sealed class GetPermitTypesConsumer(PermitCatalogue catalogue) : IConsumer<GetPermitTypes>
{
    public Task Consume(ConsumeContext<GetPermitTypes> context) => context.RespondAsync(new PermitTypeList(catalogue.All));
}

/// <summary>SOP step 3: an applicant starts an application (a draft) for a permit type.</summary>
public sealed class CreateApplicationConsumer(IntakeStore store, PermitCatalogue catalogue, TimeProvider time) : IConsumer<CreateApplication>
{
    public async Task Consume(ConsumeContext<CreateApplication> context)
    {
        var m = context.Message;
        var errors = new Dictionary<string, string[]>();
        if (catalogue.Find(m.PermitTypeCode) is null)
            errors["permitTypeCode"] = ["Jenis izin tidak dikenal. Lihat GET /api/v1/permit-types."];
        Require(errors, "businessName", m.BusinessName, 200, "Nama usaha");
        Require(errors, "businessAddress", m.BusinessAddress, 500, "Alamat usaha");
        Require(errors, "description", m.Description, 4000, "Uraian kegiatan usaha");
        if (errors.Count > 0)
        {
            await context.Invalid("Data permohonan tidak valid.", errors);
            return;
        }

        var now = time.GetUtcNow();
        var application = new Application
        {
            Id = m.ApplicationId,
            ApplicantUsername = m.ApplicantUsername,
            ApplicantName = m.ApplicantName,
            ApplicantEmail = string.IsNullOrWhiteSpace(m.ApplicantEmail) ? null : m.ApplicantEmail.Trim(),
            PermitTypeCode = catalogue.Find(m.PermitTypeCode)!.Code,
            BusinessName = m.BusinessName.Trim(),
            BusinessAddress = m.BusinessAddress.Trim(),
            Description = m.Description.Trim(),
            State = ApplicationState.Draft,
            CreatedAt = now,
        };
        try
        {
            await (await store.ApplicationsAsync(context.CancellationToken)).InsertAsync(application.Id.ToString(), application,
                [OutboxMessage.Publish(new ApplicationCreated(application.Id, m.ApplicantUsername, m.ApplicantName, application.PermitTypeCode,
                    catalogue.Find(application.PermitTypeCode)!.Name, application.BusinessName, now, application.ApplicantEmail,
                    catalogue.Find(application.PermitTypeCode)!.Sector), now)],
                context.CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            // A redelivered request: created already.
        }

        await context.Accepted(application.Id);
    }

    static void Require(Dictionary<string, string[]> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors[field] = [$"{label} wajib diisi."];
        else if (value.Trim().Length > max)
            errors[field] = [$"{label} paling banyak {max} karakter."];
    }
}

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
