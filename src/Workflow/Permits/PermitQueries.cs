using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

public sealed class PermitSagas(StorageFactory storage)
{
    public static readonly CollectionDefinition<PermitState> Definition = new CollectionDefinition<PermitState>("permit-sagas")
        .Index("applicantUsername")
        .Index("assignedRole")
        .Index("currentStep")
        .Index("createdAt")
        .Index("dueAt")
        .Index("nextAlertAt")
        .Index("statutoryCheckAt")
        .Index("receiptNumber");

    public Task<IDocumentCollection<PermitState>> CollectionAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);

    /// <summary>The API's status names for the machine's states.</summary>
    public static string Status(string state) => state switch
    {
        nameof(PermitStateMachine.Draft) => "Draft",
        nameof(PermitStateMachine.AwaitingCompletenessCheck) => "Submitted",
        nameof(PermitStateMachine.ReturnedToApplicant) => "ReturnedToApplicant",
        nameof(PermitStateMachine.OpeningTechnicalReview) or nameof(PermitStateMachine.AwaitingTechnicalData)
            or nameof(PermitStateMachine.InTechnicalReview) => "InTechnicalReview",
        nameof(PermitStateMachine.OpeningDrafting) or nameof(PermitStateMachine.InDrafting) => "InDrafting",
        nameof(PermitStateMachine.SectionHeadVerification) or nameof(PermitStateMachine.DivisionHeadVerification) => "InVerification",
        nameof(PermitStateMachine.AwaitingSignature) => "AwaitingSignature",
        nameof(PermitStateMachine.Issued) => "Issued",
        nameof(PermitStateMachine.Rejected) => "Rejected",
        nameof(PermitStateMachine.Withdrawn) => "Withdrawn",
        nameof(PermitStateMachine.Revoked) => "Revoked",
        _ => state,
    };

    public static bool IsOverdue(PermitState saga, DateTimeOffset now) => saga.DueAt is { } due && now > due;
}

public sealed class GetApplicationStatusConsumer(PermitSagas sagas, WorkingCalendar calendar, TimeProvider time) : IConsumer<GetApplicationStatus>
{
    public async Task Consume(ConsumeContext<GetApplicationStatus> context)
    {
        var stored = await (await sagas.CollectionAsync(context.CancellationToken)).FindAsync(context.Message.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var s = stored.Document;
        var now = time.GetUtcNow();
        await context.RespondAsync(new ApplicationStatus(s.CorrelationId, s.ApplicantUsername, s.PermitTypeCode, s.BusinessName,
            PermitSagas.Status(s.CurrentState), s.CurrentStep, s.AssignedRole, s.DueAt, PermitSagas.IsOverdue(s, now), s.ReceiptNumber,
            s.DocumentNumber is null ? null : s.DecisionKind, s.DocumentNumber,
            s.History.Select(h => PermitHistory.ForApplicant(h) is { } shown
                ? new HistoryEntry(h.Step, h.Action, h.Actor, h.Role, h.At, h.Note, h.Overdue, shown.Action, shown.Note)
                : new HistoryEntry(h.Step, h.Action, h.Actor, h.Role, h.At, h.Note, h.Overdue, OfficersOnly: true)).ToList(),
            new ServiceClock(AgencyTime(s, now), ApplicantTime(s, now), s.Pauses.Select(p => new ClockPauseInfo(p.From, p.To, p.Reason, p.CausedBy)).ToList(),
                s.StatutoryDueAt, s.StatutoryDeadlinePassed)));
    }

    // The running step counts too, on the clock of whoever holds the file now.
    TimeSpan AgencyTime(PermitState s, DateTimeOffset now) =>
        s.AgencyTime + (s.AssignedRole is { } r && r != Contracts.Roles.Applicant && s.StepStartedAt is { } at ? calendar.Between(at, now) : TimeSpan.Zero);

    TimeSpan ApplicantTime(PermitState s, DateTimeOffset now) =>
        s.ApplicantTime + (s.AssignedRole == Contracts.Roles.Applicant && s.StepStartedAt is { } at ? calendar.Between(at, now) : TimeSpan.Zero);
}

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
