using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

public sealed class GetApplicationsConsumer(PermitSagas sagas) : IConsumer<GetApplications>
{
    public async Task Consume(ConsumeContext<GetApplications> context)
    {
        var query = Query.All;
        if (context.Message.ApplicantUsername is { } applicant)
            query = query.And("applicantUsername", Operator.Equal, applicant);
        if (context.Message.Step is { } step)
            query = query.And("currentStep", Operator.Equal, step);
        var found = await (await sagas.CollectionAsync(context.CancellationToken)).QueryAsync(query.Sort("createdAt", descending: true).Take(1000),
            context.CancellationToken);
        await context.RespondAsync(new ApplicationList(found.Select(f => f.Document)
            .Select(s => new ApplicationListItem(s.CorrelationId, s.PermitTypeCode, PermitSagas.Status(s.CurrentState), s.CurrentStep, s.DueAt))
            .ToList()));
    }
}
