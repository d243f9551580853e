using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Tests;

/// <summary>The permit saga, step by step, on its real repository (SQLite) and a fake clock.</summary>
public sealed class PermitStateMachineTests : IAsyncLifetime
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

    DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Wib);

    /// <summary>Publishes the event and waits until the saga has consumed it; returns the saga as stored.</summary>
    async Task<PermitState> On<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await _harness.Bus.Publish(message, c => c.MessageId = id);
        // The saga's inbox records every message it consumed, handled or ignored, in the same write as its state.
        for (var i = 0; i < 400; i++)
        {
            if (await _sagas.FindAsync(_id.ToString()) is { } stored && stored.Document.ConsumedMessages.Contains(id))
                return stored.Document;
            await Task.Delay(25);
        }

        var faults = _harness.Published.Select<Fault<T>>().Select(f => string.Join("; ", f.Context.Message.Exceptions.Select(e => e.Message)));
        throw new TimeoutException($"{typeof(T).Name} was not consumed by the saga. {string.Join("\n", faults)}");
    }

    async Task<IReadOnlyList<OutboxMessage>> Pending() =>
        (await _sagas.PendingOutboxAsync(10)).SingleOrDefault(p => p.DocumentId == _id.ToString())?.Messages ?? [];

    async Task<IReadOnlyList<OutboxMessage>> PendingCommands() => (await Pending()).Where(m => m.Kind == OutboxMessage.SendKind).ToList();

    async Task<IReadOnlyList<ApplicationProgressed>> Announced() =>
        (await Pending()).Where(m => m.Is<ApplicationProgressed>()).Select(m => (ApplicationProgressed)m.Deserialize(out _)).ToList();

    static void AtStep(PermitState saga, string state, int? step, string? role)
    {
        Assert.Equal(state, saga.CurrentState);
        Assert.Equal(step, saga.CurrentStep);
        Assert.Equal(role, saga.AssignedRole);
    }

    async Task<PermitState> ToSubmitted()
    {
        await On(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now,
            "budi.santoso@contoh.co.id"));
        return await On(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
    }

    async Task<PermitState> ToDrafting(Recommendation recommendation)
    {
        await ToSubmitted();
        await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));
        await On(new TechnicalReviewOpened(_id, Now));
        await On(new TechnicalReviewScheduled(_id, "backoffice", ReviewKind.Inspection, Now.AddDays(1), "Jl. Veteran", Now));
        await On(new TechnicalRecommendationIssued(_id, "teknis", recommendation, "Catatan", Now));
        return await On(new DraftingOpened(_id, Now));
    }

    [Fact]
    public async Task A_created_application_is_a_draft_with_the_applicant_and_no_clock()
    {
        var saga = await On(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        AtStep(saga, "Draft", 3, Roles.Applicant);
        Assert.Null(saga.DueAt);
        Assert.Equal("Draft", PermitSagas.Status(saga.CurrentState));
    }

    [Fact]
    public async Task A_submitted_file_waits_for_FrontOffice_one_working_hour()
    {
        var saga = await ToSubmitted();
        AtStep(saga, "AwaitingCompletenessCheck", 4, Roles.FrontOffice);
        Assert.Equal(At(23, 10), saga.DueAt);
    }

    [Fact]
    public async Task An_incomplete_file_goes_back_to_the_applicant_and_the_clock_stops_until_resubmission()
    {
        await ToSubmitted();
        var returned = await On(new ApplicationReturned(_id, "frontoffice", ["KTP"], "KTP buram", 1, Now));
        AtStep(returned, "ReturnedToApplicant", 3, Roles.Applicant);
        Assert.Null(returned.DueAt);
        Assert.Contains("KTP buram", returned.History[^1].Note);

        _time.SetUtcNow(At(24, 15, 30));
        var resubmitted = await On(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 2, Now));
        AtStep(resubmitted, "AwaitingCompletenessCheck", 4, Roles.FrontOffice);
        Assert.Equal(At(25, 8), resubmitted.DueAt);
        Assert.Equal("Permohonan diajukan kembali", resubmitted.History[^1].Action);
    }

    [Fact]
    public async Task An_accepted_file_gets_its_receipt_and_Technical_is_told_to_open_the_file()
    {
        await ToSubmitted();
        var saga = await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000042", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));

        // Nobody's desk until Technical holds the file: back office is never shown a step Technical cannot take yet.
        AtStep(saga, "OpeningTechnicalReview", 4, null);
        Assert.Equal("InTechnicalReview", PermitSagas.Status(saga.CurrentState));
        Assert.Equal("PTSP/2026/000042", saga.ReceiptNumber);
        var command = Assert.Single(await PendingCommands());
        Assert.Equal(OutboxMessage.SendKind, command.Kind);
        Assert.Equal("queue:open-technical-review", command.Destination);
        var open = (OpenTechnicalReview)command.Deserialize(out _);
        Assert.Equal((_id, 3), (open.ApplicationId, open.TechnicalReview.WorkingDays));
    }

    [Fact]
    public async Task Back_office_is_shown_step_5_once_Technical_has_opened_the_file_and_its_clock_runs_from_the_acceptance()
    {
        await ToSubmitted();
        await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000042", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));
        _time.Advance(TimeSpan.FromMinutes(2));
        var saga = await On(new TechnicalReviewOpened(_id, Now));

        AtStep(saga, "AwaitingTechnicalData", 5, Roles.BackOffice);
        // Step 5's target (one working hour) counts from Monday 09:00, when the file was accepted, not from the opening.
        Assert.Equal(At(23, 10), saga.DueAt);
        Assert.Equal(At(23, 9), saga.StepStartedAt);
    }

    [Fact]
    public async Task Every_move_is_announced_once_with_whose_desk_it_left()
    {
        await ToSubmitted();
        await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));
        await On(new TechnicalReviewOpened(_id, Now));
        await On(new ApplicationReturned(_id, "frontoffice", ["KTP"], "late", 1, Now)); // another step's event: no move, no announcement

        var announced = await Announced();
        Assert.Equal([("Draft", 3, Roles.Applicant, null), ("Submitted", 4, Roles.FrontOffice, Roles.Applicant),
                ("InTechnicalReview", 4, null, Roles.FrontOffice), ("InTechnicalReview", 5, Roles.BackOffice, null)],
            announced.Select(a => (a.Status, a.CurrentStep, a.AssignedRole, a.PreviousRole)).ToList<(string, int?, string?, string?)>());
        Assert.All(announced, a => Assert.Equal(("budi.santoso", "REKLAME"), (a.ApplicantUsername, a.PermitTypeCode)));
        Assert.Equal(announced.Select(a => a.Version).Order(), announced.Select(a => a.Version));
    }

    [Fact]
    public async Task The_technical_review_is_due_after_the_permit_types_working_days()
    {
        await ToSubmitted();
        await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));
        await On(new TechnicalReviewOpened(_id, Now));
        var saga = await On(new TechnicalReviewScheduled(_id, "backoffice", ReviewKind.Inspection, Now.AddDays(1), "Jl. Veteran", Now));

        AtStep(saga, "InTechnicalReview", 6, Roles.TechnicalTeam);
        // Three working days from Monday 09:00 end Thursday 09:00.
        Assert.Equal(At(26, 9), saga.DueAt);
    }

    [Fact]
    public async Task A_BAP_event_taken_after_the_recommendation_still_enters_the_history_at_its_own_time()
    {
        // Two Workflow replicas may take Technical's two events in either order: the BAP (uploaded first) comes in last here.
        var uploadedAt = Now;
        var saga = await ToDrafting(Recommendation.Approve);
        saga = await On(new InspectionReportUploaded(_id, "teknis", new string('a', 64), uploadedAt.AddMinutes(-1)));

        AtStep(saga, "InDrafting", 7, Roles.BackOffice);
        var stepSix = saga.History.Where(h => h.Step == 6).Select(h => h.Action).ToList();
        Assert.Equal(["Berita acara pemeriksaan (BAP) diunggah", "Rekomendasi teknis: disetujui"], stepSix);
        Assert.Equal(saga.History.OrderBy(h => h.At).Select(h => h.Action), saga.History.Select(h => h.Action));
    }

    [Fact]
    public async Task A_recommendation_opens_drafting_at_Signing_and_drafting_is_shown_once_Signing_holds_it()
    {
        var saga = await ToDrafting(Recommendation.Reject);
        AtStep(saga, "InDrafting", 7, Roles.BackOffice);
        Assert.Equal(Recommendation.Reject, saga.Recommendation);
        var drafting = (await PendingCommands()).Single(c => c.Destination == "queue:open-drafting");
        var open = (OpenDrafting)drafting.Deserialize(out _);
        Assert.Equal(Recommendation.Reject, open.Recommendation);
        // The technical team's notes: the first reason of a rejection letter (issue 17).
        Assert.Equal("Catatan", open.RecommendationNotes);
    }

    [Fact]
    public async Task The_applicants_address_goes_with_the_commands_that_open_the_technical_file_and_the_decision()
    {
        await ToDrafting(Recommendation.Approve);
        var commands = await PendingCommands();

        // Technical tells the applicant of the schedule (step 5) and Signing sends the signed decision (step 10).
        var technical = (OpenTechnicalReview)commands.Single(c => c.Destination == "queue:open-technical-review").Deserialize(out _);
        Assert.Equal(("Budi Santoso", "budi.santoso@contoh.co.id", "Izin Penyelenggaraan Reklame", "PTSP/2026/000001"),
            (technical.ApplicantName, technical.ApplicantEmail, technical.PermitTypeName, technical.ReceiptNumber));
        var drafting = (OpenDrafting)commands.Single(c => c.Destination == "queue:open-drafting").Deserialize(out _);
        Assert.Equal(("budi.santoso@contoh.co.id", "PTSP/2026/000001"), (drafting.ApplicantEmail, drafting.ReceiptNumber));
    }

    [Fact]
    public async Task Verifiers_and_the_head_may_return_the_draft_and_the_signed_permit_ends_the_process()
    {
        await ToDrafting(Recommendation.Approve);
        AtStep(await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 1, Now)), "SectionHeadVerification", 8, Roles.SectionHead);
        AtStep(await On(new DecisionReturned(_id, "kasi", Roles.SectionHead, "Perbaiki", 1, Now)), "InDrafting", 7, Roles.BackOffice);
        AtStep(await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 2, Now)), "SectionHeadVerification", 8, Roles.SectionHead);
        AtStep(await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 2, Now)), "DivisionHeadVerification", 9, Roles.DivisionHead);
        AtStep(await On(new DecisionReturned(_id, "kabid", Roles.DivisionHead, "Perbaiki", 2, Now)), "InDrafting", 7, Roles.BackOffice);
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 3, Now));
        await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 3, Now));
        var awaiting = await On(new DecisionVerified(_id, "kabid", Roles.DivisionHead, 3, Now));
        AtStep(awaiting, "AwaitingSignature", 10, Roles.AgencyHead);
        Assert.Equal(At(24, 9), awaiting.DueAt); // one working day
        AtStep(await On(new DecisionReturned(_id, "kepala", Roles.AgencyHead, "Perbaiki", 3, Now)), "InDrafting", 7, Roles.BackOffice);
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 4, Now));
        await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 4, Now));
        await On(new DecisionVerified(_id, "kabid", Roles.DivisionHead, 4, Now));

        var issued = await On(new PermitIssued(_id, "PTSP-IZN-2026-000001", "budi.santoso", "Budi Santoso", "CV Maju", "REKLAME", "Kepala DPMPTSP", Now));
        AtStep(issued, "Issued", null, null);
        Assert.Equal("Issued", PermitSagas.Status(issued.CurrentState));
        Assert.Equal(("PTSP-IZN-2026-000001", DecisionKind.Permit), (issued.DocumentNumber, issued.DecisionKind));
        Assert.Null(issued.DueAt);
    }

    [Fact]
    public async Task A_signed_rejection_letter_ends_the_process_as_Rejected()
    {
        await ToDrafting(Recommendation.Reject);
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Rejection, 1, Now));
        await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 1, Now));
        await On(new DecisionVerified(_id, "kabid", Roles.DivisionHead, 1, Now));
        var rejected = await On(new PermitRejected(_id, "PTSP-TLK-2026-000001", "budi.santoso", "Budi Santoso", "CV Maju", "REKLAME", "Kepala", Now));
        AtStep(rejected, "Rejected", null, null);
        Assert.Equal(DecisionKind.Rejection, rejected.DecisionKind);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_recorded_once()
    {
        await ToSubmitted();
        var messageId = NewId.NextGuid();
        var returned = new ApplicationReturned(_id, "frontoffice", ["KTP"], "KTP buram", 1, Now);
        var consumed = new ConsumedCounter(messageId);
        using var _ = _harness.Bus.ConnectConsumeObserver(consumed);
        var first = await On(returned, messageId);
        await _harness.Bus.Publish(returned, c => c.MessageId = messageId);
        for (var i = 0; i < 400 && consumed.Count < 2; i++)
            await Task.Delay(25);
        Assert.Equal(2, consumed.Count);
        var second = (await _sagas.FindAsync(_id.ToString()))!.Document;

        Assert.Equal(first.History.Count, second.History.Count);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task An_event_for_another_step_changes_nothing()
    {
        var submitted = await ToSubmitted();
        var after = await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 1, Now));
        var alsoAfter = await On(new TechnicalReviewScheduled(_id, "backoffice", ReviewKind.Meeting, Now, "x", Now));

        AtStep(alsoAfter, "AwaitingCompletenessCheck", 4, Roles.FrontOffice);
        Assert.Equal(submitted.History.Count, after.History.Count);
        Assert.Equal(submitted.History.Count, alsoAfter.History.Count);
    }

    [Fact]
    public async Task A_verification_of_an_older_draft_revision_is_ignored()
    {
        await ToDrafting(Recommendation.Approve);
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 1, Now));
        await On(new DecisionReturned(_id, "kasi", Roles.SectionHead, "Perbaiki", 1, Now));
        await On(new DecisionDrafted(_id, "backoffice", DecisionKind.Permit, 2, Now));

        var stale = await On(new DecisionVerified(_id, "kasi", Roles.SectionHead, 1, Now));
        AtStep(stale, "SectionHeadVerification", 8, Roles.SectionHead);
    }

    [Fact]
    public async Task Actions_after_the_due_time_are_marked_overdue_in_the_history()
    {
        await ToSubmitted();
        _time.SetUtcNow(At(23, 10, 30));
        var saga = await On(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 7, Now));

        Assert.True(saga.History[^1].Overdue);
        Assert.False(saga.History[^2].Overdue);
    }

    /// <summary>Counts completed deliveries of one message id to the saga.</summary>
    sealed class ConsumedCounter(Guid messageId) : IConsumeObserver
    {
        int _count;

        public int Count => Volatile.Read(ref _count);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.MessageId == messageId)
                Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
