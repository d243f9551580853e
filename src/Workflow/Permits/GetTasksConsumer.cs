using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

/// <summary>A role's worklist: what waits at its steps, oldest due first.</summary>
public sealed class GetTasksConsumer(PermitSagas sagas, TimeProvider time) : IConsumer<GetTasks>
{
    public async Task Consume(ConsumeContext<GetTasks> context)
    {
        var found = await (await sagas.CollectionAsync(context.CancellationToken))
            .QueryAsync(Query.By("assignedRole", context.Message.Role).Sort("dueAt").Take(1000), context.CancellationToken);
        var now = time.GetUtcNow();
        await context.RespondAsync(new TaskList(found.Select(f => f.Document)
            .Where(s => s.CurrentStep is not null)
            // "Kasi terkait": a section head sees the files of the sectors they cover (files without a sector: every section head).
            .Where(s => context.Message.Sectors is not { } sectors || s.Sector is null || sectors.Contains(s.Sector))
            .Select(s => new TaskItem(s.CorrelationId, s.CurrentStep!.Value, s.DueAt, PermitSagas.IsOverdue(s, now), s.StatutoryDeadlinePassed,
                s.PermitTypeCode, s.PermitTypeName, s.BusinessName))
            .ToList()));
    }
}
