using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Survey;

/// <summary>The SKM report of a period: each element's average, the IKM and its category (PermenPANRB 14/2017).</summary>
public sealed class GetSkmReportConsumer(SigningStore store) : IConsumer<GetSkmReport>
{
    public async Task Consume(ConsumeContext<GetSkmReport> context)
    {
        var m = context.Message;
        var found = await (await store.SurveyResponsesAsync(context.CancellationToken)).QueryAsync(
            Query.All.And("answeredAt", Operator.GreaterThanOrEqual, m.From).And("answeredAt", Operator.LessThan, m.To).Take(100_000),
            context.CancellationToken);
        await context.RespondAsync(SkmElements.Report(m.From, m.To, found.Select(f => f.Document.Answers).ToList()));
    }
}
