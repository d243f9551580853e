using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

/// <summary>
/// Public tracking by receipt number: the step, the status and the dates of each step — never names, notes or documents
/// (the history's actors and notes stay inside). A number that is not a receipt (yet) is not found.
/// </summary>
public sealed class GetTrackingConsumer(PermitSagas sagas) : IConsumer<GetTracking>
{
    public async Task Consume(ConsumeContext<GetTracking> context)
    {
        var found = await (await sagas.CollectionAsync(context.CancellationToken))
            .QueryAsync(Query.By("receiptNumber", context.Message.ReceiptNumber).Take(1), context.CancellationToken);
        if (found.Count == 0)
        {
            await context.NotFound("Nomor tanda terima tidak terdaftar.");
            return;
        }

        var s = found[0].Document;
        var submitted = s.History.FirstOrDefault(h => h.Step == 3 && h.Action.StartsWith("Permohonan diajukan", StringComparison.Ordinal))?.At ?? s.CreatedAt;
        var decided = s.History.LastOrDefault(h => h.Step == 10 && s.DocumentNumber is not null && h.Action.Contains(s.DocumentNumber, StringComparison.Ordinal))?.At;
        await context.RespondAsync(new TrackingStatus(s.ReceiptNumber!, s.PermitTypeCode, s.PermitTypeName, PermitSagas.Status(s.CurrentState), s.CurrentStep,
            submitted, s.DueAt, decided, s.History.Select(h => new TrackingEntry(h.Step, h.At)).ToList()));
    }
}
