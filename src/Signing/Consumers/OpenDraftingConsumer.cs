using MassTransit;
using Ptsp.Contracts.Permits;
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
