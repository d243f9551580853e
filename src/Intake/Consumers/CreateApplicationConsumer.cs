using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

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
