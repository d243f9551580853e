using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Tests;

/// <summary>
/// Issue 10, points 3, 4 and 5b in the saga: the applicant's public wording of the history, a rescheduled review in the history,
/// edits while the file is with the applicant, and the withdrawal before the decision (refused after it).
/// </summary>
public sealed class PermitWithdrawalAndVisibilityTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Monday 23 November 2026, 09:00 WIB.
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib));
    readonly Guid _id = NewId.NextGuid();
    WorkflowTestHost _host = null!;
    ITestHarness _harness = null!;
    IDocumentCollection<PermitState> _sagas = null!;

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(_time);
        _harness = _host.Harness;
        _sagas = await _host.Get<PermitSagas>().CollectionAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    DateTimeOffset Now => _time.GetUtcNow();

    async Task<PermitState> On<T>(T message)
        where T : class
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(message, c => c.MessageId = id);
        for (var i = 0; i < 400; i++)
        {
            if (await _sagas.FindAsync(_id.ToString()) is { } stored && stored.Document.ConsumedMessages.Contains(id))
                return stored.Document;
            await Task.Delay(25);
        }

        throw new TimeoutException($"{typeof(T).Name} was not consumed by the saga.");
    }

    async Task<PermitState> Saga() => (await _sagas.FindAsync(_id.ToString()))!.Document;

    async Task<Response<CommandAccepted, CommandRefused>> Withdraw(string username, string? reason = null) =>
        await _harness.GetRequestClient<WithdrawApplication>().GetResponse<CommandAccepted, CommandRefused>(new WithdrawApplication(_id, username, reason));

    async Task<IReadOnlyList<OutboxMessage>> Pending() =>
        (await _sagas.PendingOutboxAsync(10)).SingleOrDefault(p => p.DocumentId == _id.ToString())?.Messages ?? [];

    async Task<PermitState> ToTechnicalReview()
    {
        await On(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        await On(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
        await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Both, 3), 7, Now));
        await On(new TechnicalReviewOpened(_id, Now));
        return await On(new TechnicalReviewScheduled(_id, "backoffice", ReviewKind.Both, Now.AddDays(1), "Aula DPMPTSP", Now, Now.AddDays(2), "Jl. Veteran 1"));
    }

    [Fact]
    public async Task The_applicant_reads_a_public_wording_of_each_step_and_no_internal_note()
    {
        await ToTechnicalReview();
        await On(new TechnicalRecommendationIssued(_id, "teknis", Recommendation.Approve, "Catatan internal tim teknis: tiang aman", Now));
        await On(new DraftingOpened(_id, Now));
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 1, Now));
        var saga = await On(new DecisionReturned(_id, "kasi", Roles.SectionHead, "Catatan internal kasi: perbaiki dasar hukum", 1, Now));

        var shown = saga.History.Select(PermitHistory.ForApplicant).ToList();
        var publicText = string.Join("\n", shown.Where(s => s is not null).Select(s => $"{s!.Value.Action} {s.Value.Note}"));
        Assert.DoesNotContain("Catatan internal", publicText);
        Assert.Contains("Kajian teknis selesai", publicText);
        Assert.Contains("Draf keputusan diperbaiki", publicText);
        // Officers keep the notes as written.
        Assert.Contains(saga.History, h => h.Note == "Catatan internal kasi: perbaiki dasar hukum");
        Assert.Contains(saga.History, h => h.Note == "Catatan internal tim teknis: tiang aman");

        // The status the Gateway shapes from carries both wordings.
        var status = await _harness.GetRequestClient<GetApplicationStatus>().GetResponse<ApplicationStatus>(new GetApplicationStatus(_id));
        var returned = Assert.Single(status.Message.History, h => h.Role == Roles.SectionHead);
        Assert.Equal(("Catatan internal kasi: perbaiki dasar hukum", "Draf keputusan diperbaiki", (string?)null),
            (returned.Note, returned.PublicAction, returned.PublicNote));
    }

    [Fact]
    public async Task Both_kinds_of_review_are_recorded_separately_and_a_rescheduling_is_in_the_history_with_its_reason()
    {
        var scheduled = await ToTechnicalReview();
        var entry = scheduled.History[^1];
        Assert.Contains("Rapat teknis pada 24-11-2026 09:00 di Aula DPMPTSP", entry.Note);
        Assert.Contains("peninjauan lapangan pada 25-11-2026 09:00 di Jl. Veteran 1", entry.Note);

        var saga = await On(new TechnicalReviewRescheduled(_id, "teknis", Roles.TechnicalTeam, ReviewKind.Inspection, Now.AddDays(2).AddHours(4),
            "Jl. Veteran 1", "Pemohon berhalangan hadir", Now));
        var moved = saga.History[^1];
        Assert.Equal("Jadwal peninjauan lapangan diubah", moved.Action);
        Assert.Contains("Alasan: Pemohon berhalangan hadir", moved.Note);
        Assert.Equal(("Jadwal kajian teknis diubah", "Peninjauan lapangan pada 25-11-2026 13:00 di Jl. Veteran 1"),
            PermitHistory.ForApplicant(moved)!.Value);
        // Step 6's due time is the NSPK's and does not move.
        Assert.Equal(scheduled.DueAt, saga.DueAt);
    }

    [Fact]
    public async Task Business_data_edited_while_the_file_is_with_the_applicant_reach_the_saga()
    {
        await On(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        var saga = await On(new ApplicationUpdated(_id, "budi.santoso", "CV Maju Jaya", "Jl. Baru 2", Now));
        Assert.Equal("CV Maju Jaya", saga.BusinessName);
        Assert.Equal("Data usaha diubah", saga.History[^1].Action);
    }

    [Fact]
    public async Task A_withdrawal_before_the_decision_stops_the_clock_and_leaves_every_desk()
    {
        await ToTechnicalReview();
        _time.Advance(TimeSpan.FromHours(1));

        var answer = await Withdraw("budi.santoso", "Usaha batal dibuka");
        Assert.True(answer.Is(out Response<CommandAccepted>? _));
        var saga = await Saga();
        for (var i = 0; i < 200 && saga.CurrentState != "Withdrawn"; i++)
        {
            await Task.Delay(25);
            saga = await Saga();
        }

        Assert.Equal(("Withdrawn", "Withdrawn"), (saga.CurrentState, PermitSagas.Status(saga.CurrentState)));
        Assert.Equal((null, null, null, null, null), (saga.CurrentStep, saga.AssignedRole, saga.DueAt, saga.NextAlertAt, saga.StatutoryCheckAt));
        var entry = saga.History[^1];
        Assert.Equal(("Permohonan ditarik (dibatalkan) oleh pemohon", "Usaha batal dibuka", Roles.Applicant), (entry.Action, entry.Note, entry.Role));
        // The cut-short step is no SLA record (it was neither met nor missed) and the hour it ran counts for the agency.
        Assert.DoesNotContain(saga.Steps, s => s.Step == 6);
        Assert.Equal(TimeSpan.FromHours(1), saga.AgencyTime - TimeSpan.Zero - saga.Steps.Aggregate(TimeSpan.Zero, (t, s) => t + s.WorkingTime));

        var withdrawn = (ApplicationWithdrawn)(await Pending()).Single(m => m.Is<ApplicationWithdrawn>()).Deserialize(out _);
        Assert.Equal((_id, 6, "Usaha batal dibuka"), (withdrawn.ApplicationId, withdrawn.Step, withdrawn.Reason));
        var progressed = (await Pending()).Where(m => m.Is<ApplicationProgressed>()).Select(m => (ApplicationProgressed)m.Deserialize(out _)).Last();
        Assert.Equal(("Withdrawn", null, Roles.TechnicalTeam), (progressed.Status, progressed.AssignedRole, progressed.PreviousRole));
        var tasks = await _harness.GetRequestClient<GetTasks>().GetResponse<TaskList>(new GetTasks(Roles.TechnicalTeam));
        Assert.DoesNotContain(tasks.Message.Items, t => t.ApplicationId == _id);

        // A second withdrawal is refused, and so is a late officer's event.
        Assert.True((await Withdraw("budi.santoso")).Is(out Response<CommandRefused>? again));
        Assert.Equal(RefusalKind.Conflict, again!.Message.Kind);
        var after = await On(new TechnicalRecommendationIssued(_id, "teknis", Recommendation.Approve, "terlambat", Now));
        Assert.Equal("Withdrawn", after.CurrentState);
    }

    [Fact]
    public async Task A_decided_application_cannot_be_withdrawn_and_someone_elses_is_not_found()
    {
        await ToTechnicalReview();
        Assert.True((await Withdraw("orang.lain")).Is(out Response<CommandRefused>? stranger));
        Assert.Equal(RefusalKind.NotFound, stranger!.Message.Kind);

        await On(new TechnicalRecommendationIssued(_id, "teknis", Recommendation.Approve, "Layak", Now));
        await On(new DraftingOpened(_id, Now));
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 1, Now));
        await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 1, Now));
        await On(new DecisionVerified(_id, "kabid", Roles.DivisionHead, 1, Now));
        await On(new PermitIssued(_id, "PTSP-IZN-2026-000001", "budi.santoso", "Budi Santoso", "CV Maju", "REKLAME", "Kepala", Now));

        Assert.True((await Withdraw("budi.santoso")).Is(out Response<CommandRefused>? refused));
        Assert.Equal(RefusalKind.Conflict, refused!.Message.Kind);
        Assert.Contains("sudah diputus", refused.Message.Message);
        Assert.Equal("Issued", (await Saga()).CurrentState);
    }

    [Fact]
    public async Task An_unknown_application_cannot_be_withdrawn()
    {
        var answer = await Withdraw("budi.santoso");
        Assert.True(answer.Is(out Response<CommandRefused>? refused));
        Assert.Equal(RefusalKind.NotFound, refused!.Message.Kind);
    }
}
