using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

/// <summary>
/// Workflow accepted the applicant's withdrawal: the technical file is closed, so no schedule, BAP or recommendation is taken any more.
/// A withdrawal that overtakes the opening leaves a closed file, so the late opening changes nothing.
/// </summary>
public sealed class TechnicalApplicationWithdrawnConsumer(TechnicalStore store, TimeProvider time) : IConsumer<ApplicationWithdrawn>
{
    public async Task Consume(ConsumeContext<ApplicationWithdrawn> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            // Only a file that Workflow asked to open can be on its way here (withdrawn at step 4 after the receipt).
            if (m.Step is not (4 or 5))
                return;
            try
            {
                await cases.InsertAsync(m.ApplicationId.ToString(),
                    new TechnicalCase { Id = m.ApplicationId, State = TechnicalState.Withdrawn, OpenedAt = time.GetUtcNow() }, cancellationToken: context.CancellationToken);
            }
            catch (DuplicateDocumentException)
            {
                // Opened meanwhile: the redelivery closes it.
                throw new ConcurrencyConflictException("technical-cases", m.ApplicationId.ToString());
            }

            return;
        }

        if (stored.Document.State is TechnicalState.Withdrawn or TechnicalState.Recommended)
            return;
        stored.Document.State = TechnicalState.Withdrawn;
        await cases.ReplaceAsync(stored.Id, stored.Document, stored.Version, cancellationToken: context.CancellationToken);
    }
}
