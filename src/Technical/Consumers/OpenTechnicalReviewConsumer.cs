using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

/// <summary>
/// Workflow opens the technical file once the application is accepted (step 4 → 5). The file and the event
/// that tells Workflow it is open are one write, so back office is shown step 5 only when Technical can take
/// its action. A repeat changes nothing.
/// </summary>
public sealed class OpenTechnicalReviewConsumer(TechnicalStore store, TimeProvider time) : IConsumer<OpenTechnicalReview>
{
    public async Task Consume(ConsumeContext<OpenTechnicalReview> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        try
        {
            await (await store.CasesAsync(context.CancellationToken)).InsertAsync(m.ApplicationId.ToString(), new TechnicalCase
            {
                Id = m.ApplicationId,
                PermitTypeCode = m.PermitTypeCode,
                BusinessName = m.BusinessName,
                ApplicantName = m.ApplicantName,
                ApplicantEmail = string.IsNullOrWhiteSpace(m.ApplicantEmail) ? null : m.ApplicantEmail,
                PermitTypeName = m.PermitTypeName,
                ReceiptNumber = m.ReceiptNumber,
                Review = m.TechnicalReview,
                State = TechnicalState.AwaitingTechnicalData,
                OpenedAt = now,
            }, [OutboxMessage.Publish(new TechnicalReviewOpened(m.ApplicationId, now), now)], context.CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
        }
    }
}
