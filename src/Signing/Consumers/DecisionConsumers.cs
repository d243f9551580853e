using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

/// <summary>
/// Workflow opens the decision for drafting once the technical team recommended (step 6 → 7). The decision and
/// the event that tells Workflow it is open are one write, so back office is shown step 7 only when Signing can
/// take the draft. A repeat changes nothing.
/// </summary>
public sealed class OpenDraftingConsumer(SigningStore store, TimeProvider time) : IConsumer<OpenDrafting>
{
    public async Task Consume(ConsumeContext<OpenDrafting> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        try
        {
            await (await store.DecisionsAsync(context.CancellationToken)).InsertAsync(m.ApplicationId.ToString(), new DecisionCase
            {
                Id = m.ApplicationId,
                ApplicantUsername = m.ApplicantUsername,
                HolderName = m.ApplicantName,
                ApplicantEmail = string.IsNullOrWhiteSpace(m.ApplicantEmail) ? null : m.ApplicantEmail,
                ReceiptNumber = m.ReceiptNumber,
                BusinessName = m.BusinessName,
                PermitTypeCode = m.PermitTypeCode,
                PermitTypeName = m.PermitTypeName,
                Sector = m.Sector,
                Recommendation = m.Recommendation,
                RecommendationNotes = string.IsNullOrWhiteSpace(m.RecommendationNotes) ? null : m.RecommendationNotes.Trim(),
                State = DecisionState.AwaitingDraft,
            }, [OutboxMessage.Publish(new DraftingOpened(m.ApplicationId, now), now)], context.CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
        }
    }
}

public sealed class OpenDraftingConsumerDefinition : ConsumerDefinition<OpenDraftingConsumer>
{
    public OpenDraftingConsumerDefinition() => EndpointName = Queues.OpenDrafting;
}

/// <summary>SOP step 7: back office drafts the decision the recommendation calls for.</summary>
public sealed class DraftDecisionConsumer(SigningStore store, TimeProvider time) : IConsumer<DraftDecision>
{
    public async Task Consume(ConsumeContext<DraftDecision> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: DecisionState.AwaitingDraft })
        {
            await context.Conflict("Permohonan ini tidak sedang menunggu penyusunan draf (langkah 7).", stored?.Document.Step);
            return;
        }

        var decision = stored.Document;
        if (m.Kind is not { } kind)
        {
            await context.Invalid("kind", "Jenis draf wajib diisi: Permit atau Rejection.");
            return;
        }

        if (kind != decision.ExpectedKind)
        {
            await context.Invalid("kind", decision.ExpectedKind == DecisionKind.Permit
                ? "Rekomendasi tim teknis adalah setuju: susun draf izin (Permit)."
                : "Rekomendasi tim teknis adalah tolak: susun draf surat penolakan (Rejection).");
            return;
        }

        var body = m.Body?.Trim() ?? "";
        if (body.Length > 20_000)
        {
            await context.Invalid("body", "Isi draf paling banyak 20.000 karakter.");
            return;
        }

        var validity = string.IsNullOrWhiteSpace(m.Validity) ? null : m.Validity.Trim();
        var obligations = Lines(m.Obligations);
        var reasons = Lines(m.Reasons);
        if (kind == DecisionKind.Permit)
        {
            if (validity is { Length: > 200 })
            {
                await context.Invalid("validity", "Masa berlaku paling banyak 200 karakter, mis. “5 (lima) tahun”.");
                return;
            }

            if (obligations is { Count: > 30 } || obligations?.Any(o => o.Length > 1000) == true)
            {
                await context.Invalid("obligations", "Kewajiban pemegang izin paling banyak 30 butir, masing-masing paling banyak 1000 karakter.");
                return;
            }

            if (reasons is not null)
            {
                await context.Invalid("reasons", "Alasan penolakan hanya untuk draf surat penolakan (Rejection).");
                return;
            }
        }
        else
        {
            if (validity is not null || obligations is not null)
            {
                await context.Invalid(validity is not null ? "validity" : "obligations",
                    "Masa berlaku dan kewajiban hanya untuk draf izin (Permit); surat penolakan memuat alasan penolakan.");
                return;
            }

            if (reasons is { Count: > 30 } || reasons?.Any(r => r.Length > 2000) == true)
            {
                await context.Invalid("reasons", "Alasan penolakan paling banyak 30 butir, masing-masing paling banyak 2000 karakter.");
                return;
            }

            if (reasons is null && body.Length == 0 && decision.RecommendationNotes is null)
            {
                await context.Invalid("reasons", "Tulis alasan penolakan: surat penolakan harus menyebutkan alasannya.");
                return;
            }
        }

        var now = time.GetUtcNow();
        decision.Drafts.Add(new Draft(decision.Revision + 1, kind, body, m.Officer, now, m.OfficerIdentity?.Name, validity, obligations, reasons));
        decision.State = DecisionState.AwaitingSectionHead;
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Publish(new DecisionDrafted(decision.Id, m.Officer, kind, decision.Revision, now), now)], context.CancellationToken);
        await context.Accepted(decision.Id);
    }

    /// <summary>A list's non-empty items, trimmed; null when none (the template's, or no further reasons).</summary>
    static List<string>? Lines(IReadOnlyList<string>? items) =>
        items?.Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList() is { Count: > 0 } list ? list : null;
}

/// <summary>SOP steps 8 and 9: the section head, then the division head, validate the draft or return it to drafting.</summary>
public sealed class VerifyDecisionConsumer(SigningStore store, TimeProvider time) : IConsumer<VerifyDecision>
{
    public async Task Consume(ConsumeContext<VerifyDecision> context)
    {
        var m = context.Message;
        var (expected, next) = m.Role switch
        {
            Roles.SectionHead => (DecisionState.AwaitingSectionHead, DecisionState.AwaitingDivisionHead),
            Roles.DivisionHead => (DecisionState.AwaitingDivisionHead, DecisionState.AwaitingSignature),
            _ => ((DecisionState?)null, DecisionState.AwaitingDraft),
        };
        if (expected is null)
        {
            await context.RespondAsync(new Contracts.Common.CommandRefused(Contracts.Common.RefusalKind.Forbidden,
                "Hanya Kepala Seksi (langkah 8) dan Kepala Bidang (langkah 9) yang memverifikasi draf."));
            return;
        }

        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null || stored.Document.State != expected)
        {
            await context.Conflict(m.Role == Roles.SectionHead
                ? "Draf ini tidak sedang menunggu verifikasi Kepala Seksi (langkah 8)."
                : "Draf ini tidak sedang menunggu verifikasi Kepala Bidang (langkah 9).", stored?.Document.Step);
            return;
        }

        // "Kasi terkait" (step 8): the section head of the permit's sector, no other.
        if (m.Role == Roles.SectionHead && stored.Document.Sector is { } sector && m.Sectors is { } sectors && !sectors.Contains(sector))
        {
            await context.RespondAsync(new Contracts.Common.CommandRefused(Contracts.Common.RefusalKind.Forbidden,
                $"Berkas ini termasuk sektor {Sectors.Names.GetValueOrDefault(sector, sector)}, yang bukan sektor Anda; verifikasi dilakukan Kepala Seksi sektor tersebut."));
            return;
        }

        if (m.Approve is not { } approve)
        {
            await context.Invalid("approve", "Isian approve (true/false) wajib diisi.");
            return;
        }

        if (!approve && (string.IsNullOrWhiteSpace(m.Note) || m.Note.Length > 4000))
        {
            await context.Invalid("note", "Catatan perbaikan wajib diisi saat draf dikembalikan (paling banyak 4000 karakter).");
            return;
        }

        var decision = stored.Document;
        var now = time.GetUtcNow();
        decision.Reviews.Add(new Review(decision.Revision, m.Officer, m.Role, approve, m.Note?.Trim(), now));
        decision.State = approve ? next : DecisionState.AwaitingDraft;
        var outgoing = approve
            ? OutboxMessage.Publish(new DecisionVerified(decision.Id, m.Officer, m.Role, decision.Revision, now), now)
            : OutboxMessage.Publish(new DecisionReturned(decision.Id, m.Officer, m.Role, m.Note!.Trim(), decision.Revision, now), now);
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version, [outgoing],
            context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}

/// <summary>
/// SOP step 10: the agency head signs — the decision gets its document number (gap-free per year and kind)
/// and the permit is issued or the rejection letter sent — or returns the draft with a note.
/// </summary>
public sealed class SignDecisionConsumer(SigningStore store, WorkingCalendar calendar, AgencyOptions agency, SigningCredentials credentials,
    PublicSite site, DecisionEmails emails, DocumentNumbering numbering, DecisionTemplates templates, TimeProvider time) : IConsumer<SignDecision>
{
    public async Task Consume(ConsumeContext<SignDecision> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: DecisionState.AwaitingSignature })
        {
            await context.Conflict("Draf ini tidak sedang menunggu tanda tangan Kepala DPMPTSP (langkah 10).", stored?.Document.Step);
            return;
        }

        if (m.Approve is not { } approve)
        {
            await context.Invalid("approve", "Isian approve (true/false) wajib diisi.");
            return;
        }

        var decision = stored.Document;
        var now = time.GetUtcNow();
        if (!approve)
        {
            if (string.IsNullOrWhiteSpace(m.Note) || m.Note.Length > 4000)
            {
                await context.Invalid("note", "Catatan perbaikan wajib diisi saat draf dikembalikan (paling banyak 4000 karakter).");
                return;
            }

            decision.Reviews.Add(new Review(decision.Revision, m.Officer, Roles.AgencyHead, false, m.Note.Trim(), now));
            decision.State = DecisionState.AwaitingDraft;
            await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
                [OutboxMessage.Publish(new DecisionReturned(decision.Id, m.Officer, Roles.AgencyHead, m.Note.Trim(), decision.Revision, now), now)],
                context.CancellationToken);
            await context.Accepted(decision.Id);
            return;
        }

        var kind = decision.Drafts[^1].Kind;
        var numbered = kind == DecisionKind.Permit ? NumberedDocument.Permit : NumberedDocument.Rejection;
        var local = calendar.ToAgencyTime(now);
        var number = await (await store.SequencesAsync(context.CancellationToken)).ClaimAsync(DocumentNumbering.Series(numbered), local.Year,
            decision.Id.ToString(), now, context.CancellationToken);
        decision.DocumentNumber = numbering.Format(numbered, number, templates.NumberCode(decision.PermitTypeCode), local);
        decision.Reviews.Add(new Review(decision.Revision, m.Officer, Roles.AgencyHead, true, m.Note?.Trim(), now));
        decision.State = DecisionState.Signed;
        decision.SignedBy = m.Officer;
        decision.SignerName = m.OfficerIdentity?.Name ?? m.OfficerName;
        decision.SignerNip = m.OfficerIdentity?.Nip;
        decision.SignerPosition = m.OfficerIdentity?.Position;
        decision.SignedAt = now;

        // The signed PDF is stored before the state that vouches for it; a retry signs again under the same number.
        var pdf = DecisionDocument.Signed(decision, templates.Find(decision.PermitTypeCode), agency, credentials,
            site.VerificationUrl(decision.DocumentNumber), local);
        decision.Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        await using (var content = new MemoryStream(pdf))
            await store.Files.PutAsync(SigningStore.DecisionKey(decision.Id), content, context.CancellationToken);
        var published = kind == DecisionKind.Permit
            ? OutboxMessage.Publish(new PermitIssued(decision.Id, decision.DocumentNumber, decision.ApplicantUsername, decision.HolderName,
                decision.BusinessName, decision.PermitTypeCode, m.OfficerName, now), now)
            : OutboxMessage.Publish(new PermitRejected(decision.Id, decision.DocumentNumber, decision.ApplicantUsername, decision.HolderName,
                decision.BusinessName, decision.PermitTypeCode, m.OfficerName, now), now);
        // The applicant's email goes with the write that signs: sent once, with the very PDF stored above.
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version, [published, .. emails.Signed(decision, calendar.ToAgencyTime(now), now)],
            context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}

/// <summary>
/// Workflow accepted the applicant's withdrawal before the decision: the decision is closed, so no draft, verification or signature is
/// taken any more. A withdrawal that overtakes the opening (step 6 → 7) leaves a closed case, so the late opening changes nothing.
/// </summary>
public sealed class SigningApplicationWithdrawnConsumer(SigningStore store) : IConsumer<ApplicationWithdrawn>
{
    public async Task Consume(ConsumeContext<ApplicationWithdrawn> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            if (m.Step is not (6 or 7))
                return;
            try
            {
                await decisions.InsertAsync(m.ApplicationId.ToString(),
                    new DecisionCase { Id = m.ApplicationId, ApplicantUsername = m.ApplicantUsername, State = DecisionState.Withdrawn },
                    cancellationToken: context.CancellationToken);
            }
            catch (DuplicateDocumentException)
            {
                // Opened meanwhile: the redelivery closes it.
                throw new ConcurrencyConflictException("decisions", m.ApplicationId.ToString());
            }

            return;
        }

        if (stored.Document.State is DecisionState.Signed or DecisionState.Withdrawn)
            return;
        stored.Document.State = DecisionState.Withdrawn;
        await decisions.ReplaceAsync(stored.Id, stored.Document, stored.Version, cancellationToken: context.CancellationToken);
    }
}

/// <summary>
/// After step 10: the agency head revokes a signed permit with a reason. Verification answers valid: false from then on,
/// and outside systems hear <see cref="PermitRevoked"/> (one write: the state and the event).
/// </summary>
public sealed class RevokePermitConsumer(SigningStore store, TimeProvider time) : IConsumer<RevokePermit>
{
    public async Task Consume(ConsumeContext<RevokePermit> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        // No decision here yet (or no such application: Signing cannot tell them apart) is, like any other step, a conflict.
        if (stored is null || stored.Document.State != DecisionState.Signed || stored.Document.Drafts[^1].Kind != DecisionKind.Permit)
        {
            await context.Conflict("Hanya izin yang sudah ditandatangani yang dapat dicabut.", stored?.Document.Step);
            return;
        }

        var decision = stored.Document;
        if (decision.RevokedAt is not null)
        {
            await context.Conflict("Izin ini sudah dicabut.");
            return;
        }

        if (string.IsNullOrWhiteSpace(m.Reason) || m.Reason.Trim().Length > 2000)
        {
            await context.Invalid("reason", "Alasan pencabutan wajib diisi (paling banyak 2000 karakter).");
            return;
        }

        var now = time.GetUtcNow();
        decision.RevokedAt = now;
        decision.RevokedBy = m.OfficerName;
        decision.RevocationReason = m.Reason.Trim();
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Publish(new PermitRevoked(decision.Id, decision.DocumentNumber!, decision.PermitTypeCode, decision.RevocationReason, m.OfficerName,
                now), now)], context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}
