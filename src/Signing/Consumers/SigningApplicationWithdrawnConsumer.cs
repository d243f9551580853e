using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

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
