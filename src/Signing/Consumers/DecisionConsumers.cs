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

        if (string.IsNullOrWhiteSpace(m.Body) || m.Body.Length > 20_000)
        {
            await context.Invalid("body", "Isi draf wajib diisi (paling banyak 20.000 karakter).");
            return;
        }

        var now = time.GetUtcNow();
        decision.Drafts.Add(new Draft(decision.Revision + 1, kind, m.Body.Trim(), m.Officer, now));
        decision.State = DecisionState.AwaitingSectionHead;
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Publish(new DecisionDrafted(decision.Id, m.Officer, kind, decision.Revision, now), now)], context.CancellationToken);
        await context.Accepted(decision.Id);
    }
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
    PublicSite site, DecisionEmails emails, TimeProvider time) : IConsumer<SignDecision>
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
        var series = kind == DecisionKind.Permit ? "IZN" : "TLK";
        var year = calendar.ToAgencyTime(now).Year;
        var number = await (await store.SequencesAsync(context.CancellationToken)).ClaimAsync(series, year, decision.Id.ToString(), now,
            context.CancellationToken);
        decision.DocumentNumber = $"PTSP-{series}-{year}-{number:D6}";
        decision.Reviews.Add(new Review(decision.Revision, m.Officer, Roles.AgencyHead, true, m.Note?.Trim(), now));
        decision.State = DecisionState.Signed;
        decision.SignedBy = m.Officer;
        decision.SignerName = m.OfficerName;
        decision.SignedAt = now;

        // The signed PDF is stored before the state that vouches for it; a retry signs again under the same number.
        var pdf = DecisionDocument.Signed(decision, agency, credentials, site.VerificationUrl(decision.DocumentNumber), calendar.ToAgencyTime(now));
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
