using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>
/// The state machines when time runs out (ADR 0004): <see cref="StepDeadlineReached"/> sent straight to the saga's queue, as the
/// watcher sends it. Each rung fires once, in the saga's own write; a message for an earlier step visit, a rung already handled
/// or a repeat changes nothing.
/// </summary>
public sealed class StepDeadlineReachedTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Monday 23 November 2026, 09:00 WIB: FrontOffice's hour runs to 10:00, warnings at 09:30 and 09:48.
    readonly FakeTimeProvider _time = new(At(9));
    readonly Guid _id = NewId.NextGuid();
    WorkflowTestHost _host = null!;
    IDocumentCollection<PermitState> _permits = null!;
    IDocumentCollection<RegistrationState> _registrations = null!;

    static DateTimeOffset At(int hour, int minute = 0, int day = 23) => new(2026, 11, day, hour, minute, 0, Wib);

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(_time);
        _permits = await _host.Get<PermitSagas>().CollectionAsync();
        _registrations = await _host.Get<RegistrationSagas>().CollectionAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Sends to the saga's queue and waits until its inbox has it (handled or ignored); returns the saga as stored.</summary>
    async Task<T> Deliver<T>(IDocumentCollection<T> sagas, Uri queue, object message, Guid correlationId, Guid? messageId = null)
        where T : class, ISagaOutbox
    {
        var id = messageId ?? NewId.NextGuid();
        var endpoint = await _host.Harness.Bus.GetSendEndpoint(queue);
        await endpoint.Send(message, c => c.MessageId = id);
        for (var i = 0; i < 400; i++)
        {
            if (await sagas.FindAsync(correlationId.ToString()) is { } stored && stored.Document.ConsumedMessages.Contains(id))
                return stored.Document;
            await Task.Delay(25);
        }

        throw new TimeoutException($"{message.GetType().Name} was not consumed by saga {correlationId}.");
    }

    Task<PermitState> OnPermit(object message, Guid? messageId = null) => Deliver(_permits, PermitStateDefinition.Address, message, _id, messageId);

    Task<PermitState> Reached(PermitState saga, DeadlineRung rung, DateTimeOffset at, Guid? token = null, Guid? messageId = null) =>
        OnPermit(new StepDeadlineReached(saga.CorrelationId, rung, token ?? DeadlineAlerts.StepToken(saga), at), messageId);

    async Task<PermitState> Submitted()
    {
        await OnPermit(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        return await OnPermit(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
    }

    async Task<IReadOnlyList<OutboxMessage>> Outbox<T>(IDocumentCollection<T> sagas, Guid id)
        where T : class =>
        (await sagas.PendingOutboxAsync(10)).SingleOrDefault(p => p.DocumentId == id.ToString())?.Messages ?? [];

    [Fact]
    public async Task Each_rung_fires_in_the_saga_warnings_to_the_role_and_the_breach_to_its_supervisor_with_history_and_event()
    {
        var saga = await Submitted();
        Assert.NotNull(saga.DeadlineToken);
        Assert.Equal((AlertLevel.FirstWarning, At(9, 30)), (saga.NextAlert, saga.NextAlertAt));

        saga = await Reached(saga, DeadlineRung.FirstWarning, At(9, 30));
        Assert.Equal([AlertLevel.FirstWarning], saga.Alerts.Select(a => a.Level));
        Assert.Equal((AlertLevel.SecondWarning, At(9, 48)), (saga.NextAlert, saga.NextAlertAt));

        saga = await Reached(saga, DeadlineRung.SecondWarning, At(9, 48));
        Assert.Equal((AlertLevel.Breach, At(10)), (saga.NextAlert, saga.NextAlertAt));
        Assert.DoesNotContain(saga.History, h => h.Overdue);

        saga = await Reached(saga, DeadlineRung.Breach, At(10));
        Assert.Equal([AlertLevel.FirstWarning, AlertLevel.SecondWarning, AlertLevel.Breach], saga.Alerts.Select(a => a.Level));
        Assert.Equal([At(9, 30), At(9, 48), At(10)], saga.Alerts.Select(a => a.At));
        Assert.Null(saga.NextAlert);
        var breach = Assert.Single(saga.History, h => h.Overdue);
        Assert.Equal(("Melewati batas waktu layanan langkah 4", DeadlineAlerts.Actor, 4), (breach.Action, breach.Actor, breach.Step));
        Assert.Null(PermitHistory.ForApplicant(breach));

        var outbox = await Outbox(_permits, _id);
        var mails = outbox.Where(m => m.Kind == MailOutboxHandler.MailKind).Select(m => (MailMessage)m.Deserialize(out _)).ToList();
        Assert.Equal(["frontoffice@dpmptsp.purwakartakab.go.id", "frontoffice@dpmptsp.purwakartakab.go.id", "kasi.perizinan@dpmptsp.purwakartakab.go.id"],
            mails.Select(m => m.To));
        Assert.StartsWith("Peringatan waktu layanan: langkah 4", mails[0].Subject);
        Assert.StartsWith("Batas waktu terlewati: langkah 4", mails[2].Subject);
        var overdue = (PermitStepOverdue)Assert.Single(outbox, m => m.Is<PermitStepOverdue>()).Deserialize(out _);
        Assert.Equal((_id, 4, "FrontOffice", "SectionHead", At(10), At(10)),
            (overdue.ApplicationId, overdue.Step, overdue.AssignedRole, overdue.SupervisorRole, overdue.DueAt, overdue.DetectedAt));
    }

    [Fact]
    public async Task A_message_armed_for_an_earlier_step_visit_or_not_yet_due_changes_nothing()
    {
        var first = await Submitted();
        var staleToken = first.DeadlineToken!.Value;
        await OnPermit(new ApplicationReturned(_id, "frontoffice", ["KTP"], "KTP buram", 1, Now));
        var again = await OnPermit(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 2, Now));
        Assert.NotEqual(staleToken, again.DeadlineToken);

        var saga = await Reached(again, DeadlineRung.FirstWarning, At(9, 30), token: staleToken);
        Assert.Empty(saga.Alerts);
        Assert.Equal(AlertLevel.FirstWarning, saga.NextAlert);
        saga = await Reached(again, DeadlineRung.FirstWarning, At(9, 29));
        Assert.Empty(saga.Alerts);
        // The file left the step: a breach armed for it is stale too.
        var returned = await OnPermit(new ApplicationReturned(_id, "frontoffice", ["KTP"], "KTP buram", 2, Now));
        saga = await Reached(returned, DeadlineRung.Breach, At(10), token: again.DeadlineToken);
        Assert.Empty(saga.Alerts);
        Assert.DoesNotContain(await Outbox(_permits, _id), m => m.Kind == MailOutboxHandler.MailKind);
    }

    [Fact]
    public async Task A_repeated_message_or_a_rung_already_handled_changes_nothing()
    {
        var saga = await Submitted();
        var message = new StepDeadlineReached(_id, DeadlineRung.FirstWarning, DeadlineAlerts.StepToken(saga), At(9, 30));
        var id = DeadlineAlerts.MessageId(message);
        Assert.Equal(id, DeadlineAlerts.MessageId(message with { }));
        var fired = await OnPermit(message, id);
        Assert.Single(fired.Alerts);
        var version = (await _permits.FindAsync(_id.ToString()))!.Version;

        // The same message again (a second watcher): the inbox drops it, nothing is written.
        var consumed = new ConsumedCount(id);
        using (_host.Harness.Bus.ConnectConsumeObserver(consumed))
        {
            await (await _host.Harness.Bus.GetSendEndpoint(PermitStateDefinition.Address)).Send(message, c => c.MessageId = id);
            for (var i = 0; i < 400 && consumed.Count == 0; i++)
                await Task.Delay(25);
        }

        Assert.Equal(1, consumed.Count);
        Assert.Equal(version, (await _permits.FindAsync(_id.ToString()))!.Version);
        var handled = await OnPermit(message with { ReachedAt = At(9, 31) }); // another watcher's copy, another id: the rung was handled
        Assert.Single(handled.Alerts);
        Assert.Single(await Outbox(_permits, _id), m => m.Kind == MailOutboxHandler.MailKind);
    }

    [Fact]
    public async Task A_breach_reached_late_fires_only_the_breach()
    {
        var saga = await Submitted();
        saga = await Reached(saga, DeadlineRung.FirstWarning, At(11));
        Assert.Equal([AlertLevel.Breach], saga.Alerts.Select(a => a.Level));
        Assert.Single(saga.History, h => h.Overdue);
    }

    [Fact]
    public async Task The_statutory_deadline_is_flagged_once_for_the_deadline_it_was_armed_for()
    {
        await Submitted();
        // Two working days from Monday 09:00: Wednesday 09:00.
        var accepted = await OnPermit(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME",
            new TechnicalReviewInfo(ReviewKind.Inspection, 3), 2, Now));
        Assert.Equal(At(9, day: 25), accepted.StatutoryCheckAt);
        var token = DeadlineAlerts.StatutoryToken(accepted);

        var saga = await Reached(accepted, DeadlineRung.Statutory, At(8, 59, 25), token);   // not yet due
        Assert.False(saga.StatutoryDeadlinePassed);
        saga = await Reached(accepted, DeadlineRung.Statutory, At(9, day: 25), Guid.NewGuid()); // armed for another due time
        Assert.False(saga.StatutoryDeadlinePassed);

        saga = await Reached(accepted, DeadlineRung.Statutory, At(9, day: 25), token);
        Assert.True(saga.StatutoryDeadlinePassed);
        Assert.Null(saga.StatutoryCheckAt);
        saga = await Reached(accepted, DeadlineRung.Statutory, At(10, day: 25), token);
        var warning = Assert.Single(saga.History, h => h.Action == DeadlineAlerts.StatutoryWarning);
        Assert.True(warning.OfficersOnly);
        var outbox = await Outbox(_permits, _id);
        var passed = (PermitStatutoryDeadlinePassed)Assert.Single(outbox, m => m.Is<PermitStatutoryDeadlinePassed>()).Deserialize(out _);
        Assert.Equal((At(9, day: 25), At(9, day: 25)), (passed.StatutoryDueAt, passed.DetectedAt));
        Assert.Single(outbox, m => m.Kind == MailOutboxHandler.MailKind && ((MailMessage)m.Deserialize(out _)).To.StartsWith("kepala@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_past_its_hour_is_flagged_once_and_a_decided_one_is_left_alone()
    {
        Guid late = NewId.NextGuid(), decided = NewId.NextGuid();
        foreach (var id in new[] { late, decided })
            await _host.Harness.Bus.Publish(new RegistrationSubmitted(id, "Budi", "3214011505900001", $"{id:N}@contoh.co.id", Now));
        async Task<RegistrationState> Stored(Guid id)
        {
            for (var i = 0; i < 400; i++)
            {
                if (await _registrations.FindAsync(id.ToString()) is { } stored)
                    return stored.Document;
                await Task.Delay(25);
            }

            throw new TimeoutException("The registration saga was not created.");
        }

        Task<RegistrationState> Reach(RegistrationState saga, DeadlineRung rung, DateTimeOffset at) =>
            Deliver(_registrations, RegistrationStateDefinition.Address, new StepDeadlineReached(saga.CorrelationId, rung, DeadlineAlerts.StepToken(saga), at),
                saga.CorrelationId);

        var pending = await Stored(late);
        Assert.Equal(At(10), pending.DueAt);
        var warned = await Reach(pending, DeadlineRung.FirstWarning, At(9, 30));
        Assert.Equal([AlertLevel.FirstWarning], warned.Alerts.Select(a => a.Level));
        Assert.False(warned.Overdue);
        var overdue = await Reach(warned, DeadlineRung.SecondWarning, At(10, 5));
        Assert.True(overdue.Overdue);
        Assert.Equal([AlertLevel.FirstWarning, AlertLevel.Breach], overdue.Alerts.Select(a => a.Level));
        Assert.Single(await Outbox(_registrations, late), m => m.Is<RegistrationApprovalOverdue>());
        Assert.Single((await Reach(overdue, DeadlineRung.Breach, At(10, 30))).Alerts, a => a.Level == AlertLevel.Breach);

        var armed = await Stored(decided);
        await _host.Harness.Bus.Publish(new RegistrationApproved(decided, "budi", "frontoffice", Now));
        for (var i = 0; i < 400 && (await Stored(decided)).CurrentState != "Active"; i++)
            await Task.Delay(25);
        Assert.Equal("Active", (await Stored(decided)).CurrentState);
        var left = await Reach(armed, DeadlineRung.Breach, At(10));
        Assert.Empty(left.Alerts);
        Assert.False(left.Overdue);
        Assert.Empty(await Outbox(_registrations, decided));
    }

    /// <summary>Counts the deliveries of one message that finished (the saga's write, if any, included).</summary>
    sealed class ConsumedCount(Guid messageId) : IConsumeObserver
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
