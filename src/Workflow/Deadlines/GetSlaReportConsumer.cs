using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Deadlines;

public sealed class GetSlaReportConsumer(PermitSagas permits, RegistrationSagas registrations, WorkingCalendar calendar) : IConsumer<GetSlaReport>
{
    public async Task Consume(ConsumeContext<GetSlaReport> context)
    {
        var m = context.Message;
        var steps = new List<StepRecord>();
        // Cases created after the period cannot have steps in it.
        var created = Query.All.And("createdAt", Operator.LessThan, m.To);
        foreach (var saga in await (await permits.CollectionAsync(context.CancellationToken)).QueryAsync(created, context.CancellationToken))
            steps.AddRange(saga.Document.Steps);
        var submitted = Query.All.And("submittedAt", Operator.LessThan, m.To);
        foreach (var saga in await (await registrations.CollectionAsync(context.CancellationToken)).QueryAsync(submitted, context.CancellationToken))
        {
            if (SlaReportBuilder.FromRegistration(saga.Document, calendar) is { } step)
                steps.Add(step);
        }

        await context.RespondAsync(new SlaReport(m.From, m.To, SlaReportBuilder.Build(steps, m.From, m.To)));
    }
}
