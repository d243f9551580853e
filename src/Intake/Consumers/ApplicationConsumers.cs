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
        if (m.IdempotencyKey is { } key && (key.Length is 0 or > 200 || key.Any(c => c is < '!' or > '~')))
            errors["Idempotency-Key"] = ["Idempotency-Key berisi 1 sampai 200 karakter ASCII yang terlihat (tanpa spasi)."];
        if (errors.Count > 0)
        {
            await context.Invalid("Data permohonan tidak valid.", errors);
            return;
        }

        // A repeated request (same applicant, same Idempotency-Key) names the same draft, so it cannot make a second one.
        var id = m.IdempotencyKey is { } idempotencyKey ? IdempotentId(m.ApplicantUsername, idempotencyKey) : m.ApplicationId;
        var now = time.GetUtcNow();
        var application = new Application
        {
            Id = id,
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
            // A redelivered request, or a repeat under the same Idempotency-Key: created already. A key used before for another
            // permit type is a mistake of the client's, not a repeat.
            var existing = await (await store.ApplicationsAsync(context.CancellationToken)).FindAsync(id.ToString(), context.CancellationToken);
            if (m.IdempotencyKey is not null && (existing is null || existing.Document.ApplicantUsername != m.ApplicantUsername
                                                 || existing.Document.PermitTypeCode != application.PermitTypeCode))
            {
                await context.RespondAsync(new Ptsp.Contracts.Common.CommandRefused(Ptsp.Contracts.Common.RefusalKind.Conflict,
                    "Idempotency-Key ini sudah dipakai untuk permohonan jenis izin lain. Gunakan kunci baru untuk permohonan baru."));
                return;
            }
        }

        await context.Accepted(application.Id);
    }

    /// <summary>The draft's id for an applicant's Idempotency-Key: the same on every Intake replica and after any restart.</summary>
    public static Guid IdempotentId(string username, string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"ptsp-create-application\n{username}\n{key}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8 (name-based, custom hash)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16));
    }

    internal static void Require(Dictionary<string, string[]> errors, string field, string? value, int max, string label)
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
