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
