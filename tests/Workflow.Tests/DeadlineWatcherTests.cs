using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>
/// Service levels through a working week with a holiday (Monday 30 November 2026): warnings at 50 % and
/// 80 % of the target, the breach at 100 %, the pause while the file is with the applicant — each at the
/// minute the calendar says, each alert once, also with two watchers and after downtime.
/// </summary>
public sealed class DeadlineWatcherTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    const string Holiday = "2026-11-30";

    // Friday 27 November 2026, 16:00 WIB: half an hour before Friday's 16:30 close.
    readonly FakeTimeProvider _time = new(At(27, 16));
    readonly Guid _id = NewId.NextGuid();
    WorkflowTestHost _host = null!;
    IDocumentCollection<PermitState> _sagas = null!;
    DeadlineWatcher _watcher = null!;

    static DateTimeOffset At(int day, int hour, int minute = 0) =>
        day > 30 ? new(2026, 12, day - 30, hour, minute, 0, Wib) : new(2026, 11, day, hour, minute, 0, Wib);

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(_time, ("Calendar:Holidays:0", Holiday));
        _sagas = await _host.Get<PermitSagas>().CollectionAsync();
        _watcher = _host.Get<DeadlineWatcher>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    DateTimeOffset Now => _time.GetUtcNow();

    async Task<PermitState> Publish<T>(T message)
        where T : class
    {
        var id = NewId.NextGuid();
        await _host.Harness.Bus.Publish(message, c => c.MessageId = id);
        for (var i = 0; i < 400; i++)
        {
            if (await _sagas.FindAsync(_id.ToString()) is { } stored && stored.Document.ConsumedMessages.Contains(id))
                return stored.Document;
            await Task.Delay(25);
        }

        throw new TimeoutException($"{typeof(T).Name} not consumed.");
    }

    async Task<PermitState> Saga() => (await _sagas.FindAsync(_id.ToString()))!.Document;

    async Task<IReadOnlyList<OutboxMessage>> Outbox() =>
        (await _sagas.PendingOutboxAsync(10)).SingleOrDefault(p => p.DocumentId == _id.ToString())?.Messages ?? [];

    /// <summary>Sweeps at <paramref name="at"/> and waits until each saga told has consumed its message; returns how many were sent.</summary>
    async Task<int> SweepAt(DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        var sent = await _watcher.SweepAsync();
        foreach (var (message, id) in sent)
            await Consumed(message.CorrelationId, id);
        return sent.Count;
    }

    /// <summary>
    /// As the watcher's loop does: sweeps again (at most three times) while nothing was sent — once, in a full parallel run, one
    /// sweep found nothing due that the next found; the watcher polls, so that costs one interval, not an alert. Returns how many
    /// messages the sweeps sent in all, so a rung sent twice still fails the caller.
    /// </summary>
    async Task<int> SweepUntilSent(DateTimeOffset at)
    {
        var sent = 0;
        for (var i = 0; i < 3 && sent == 0; i++)
            sent += await SweepAt(at);
        sent += await SweepAt(at);
        return sent;
    }

    async Task Consumed(Guid sagaId, Guid messageId)
    {
        var registrations = await _host.Get<RegistrationSagas>().CollectionAsync();
        for (var i = 0; i < 400; i++)
        {
            var consumed = (await _sagas.FindAsync(sagaId.ToString()))?.Document.ConsumedMessages
                ?? (await registrations.FindAsync(sagaId.ToString()))?.Document.ConsumedMessages;
            if (consumed?.Contains(messageId) == true)
                return;
            await Task.Delay(25);
        }

        throw new TimeoutException($"The saga {sagaId} did not consume deadline message {messageId}.");
    }

    async Task Submit(int statutoryDays = 7)
    {
        await Publish(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        await Publish(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
    }

    [Fact]
    public async Task Warnings_and_the_breach_land_on_the_minutes_the_calendar_says_and_fire_once()
    {
        await Submit();
        var submitted = await Saga();
        // One working hour from Friday 16:00: 30 minutes on Friday, Monday is a holiday, 30 minutes on Tuesday.
        Assert.Equal(At(31, 8), submitted.DueAt);
        Assert.Equal((AlertLevel.FirstWarning, At(27, 16, 30)), (submitted.NextAlert, submitted.NextAlertAt));

        Assert.Equal(0, await SweepAt(At(27, 16, 29)));
        Assert.Equal(1, await SweepAt(At(27, 16, 30)));     // 50 %: 30 working minutes
        Assert.Equal(0, await SweepAt(At(27, 16, 30)));     // once
        Assert.Equal(0, await SweepAt(At(30, 12)));     // the holiday counts for nothing
        Assert.Equal(0, await SweepAt(At(31, 7, 47)));
        Assert.Equal(1, await SweepAt(At(31, 7, 48)));  // 80 %: 48 working minutes
        Assert.Equal(0, await SweepAt(At(31, 7, 59)));
        Assert.Equal(1, await SweepAt(At(31, 8)));      // 100 %: the breach
        Assert.Equal(0, await SweepAt(At(31, 12)));

        var saga = await Saga();
        Assert.Equal([AlertLevel.FirstWarning, AlertLevel.SecondWarning, AlertLevel.Breach], saga.Alerts.Select(a => a.Level));
        Assert.Equal([At(27, 16, 30), At(31, 7, 48), At(31, 8)], saga.Alerts.Select(a => a.At));
        Assert.Equal(["frontoffice@dpmptsp.purwakartakab.go.id", "frontoffice@dpmptsp.purwakartakab.go.id", "kasi.perizinan@dpmptsp.purwakartakab.go.id"],
            saga.Alerts.Select(a => a.Recipient));
        var breach = Assert.Single(saga.History, h => h.Action.StartsWith("Melewati batas waktu", StringComparison.Ordinal));
        Assert.True(breach.Overdue);
        Assert.Equal(4, breach.Step);

        var outbox = await Outbox();
        Assert.Equal(3, outbox.Count(m => m.Kind == MailOutboxHandler.MailKind));
        var overdue = (PermitStepOverdue)Assert.Single(outbox, m => m.Is<PermitStepOverdue>()).Deserialize(out _);
        Assert.Equal((4, "FrontOffice", "SectionHead", At(31, 8)), (overdue.Step, overdue.AssignedRole, overdue.SupervisorRole, overdue.DueAt));
        var mail = (MailMessage)outbox.Last(m => m.Kind == MailOutboxHandler.MailKind).Deserialize(out _);
        Assert.Equal("kasi.perizinan@dpmptsp.purwakartakab.go.id", mail.To);
        Assert.Contains("melewati batas waktu", mail.TextBody);
    }

    [Fact]
    public async Task Escalations_go_to_the_active_officers_own_addresses_and_a_section_heads_only_for_their_sector()
    {
        var officers = await _host.Get<OfficerDirectory>().CollectionAsync();
        async Task Officer(string username, string role, string? sector, bool active = true)
        {
            var id = NewId.NextGuid();
            await _host.Harness.Bus.Publish(new OfficerChanged(id, username, username, $"{username}@purwakartakab.go.id", [role],
                sector is null ? [] : [sector], active, Now));
            for (var i = 0; i < 400 && await officers.FindAsync(id.ToString()) is null; i++)
                await Task.Delay(25);
            // Not stored would make "an inactive officer is not emailed" pass without checking anything.
            Assert.True(await officers.FindAsync(id.ToString()) is not null, $"OfficerChanged for {username} was not consumed within 10 s.");
        }

        await Officer("dewi", Roles.FrontOffice, null);
        await Officer("agus", Roles.FrontOffice, null, active: false);
        await Officer("kasi.reklame", Roles.SectionHead, "PEKERJAAN_UMUM");
        await Officer("kasi.kesehatan", Roles.SectionHead, "KESEHATAN");
        await Publish(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now,
            Sector: "PEKERJAAN_UMUM"));
        var submitted = await Publish(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
        Assert.Equal((AlertLevel?)AlertLevel.FirstWarning, submitted.NextAlert);

        Assert.Equal(1, await SweepUntilSent(At(27, 16, 30)));
        Assert.Equal(1, await SweepUntilSent(At(31, 8)));

        var saga = await Saga();
        Assert.Equal(["dewi@purwakartakab.go.id", "kasi.reklame@purwakartakab.go.id"], saga.Alerts.Select(a => a.Recipient));
        var mails = (await Outbox()).Where(m => m.Kind == MailOutboxHandler.MailKind).Select(m => (MailMessage)m.Deserialize(out _)).ToList();
        Assert.Equal(["dewi@purwakartakab.go.id", "kasi.reklame@purwakartakab.go.id"], mails.Select(m => m.To));
    }

    [Fact]
    public async Task A_deadline_that_passed_while_Workflow_was_down_fires_once_when_it_is_back_without_stale_warnings()
    {
        await Submit();
        Assert.Equal(1, await SweepAt(At(31, 9)));
        Assert.Equal([AlertLevel.Breach], (await Saga()).Alerts.Select(a => a.Level));
        Assert.Equal(0, await SweepAt(At(31, 10)));
    }

    [Fact]
    public async Task Two_watchers_over_one_store_fire_each_alert_once()
    {
        await Submit();
        var configuration = _host.Get<IConfiguration>();
        // A second Workflow process over the same store, sending on the same broker.
        await using var replica = WorkflowTestHost.Services(configuration, _time).AddSingleton(_host.Harness.Bus).BuildServiceProvider();
        var other = replica.GetRequiredService<DeadlineWatcher>();

        _time.SetUtcNow(At(31, 8));
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => i % 2 == 0 ? _watcher.SweepAsync() : other.SweepAsync()));
        // Both send the same message (one id), so the saga's inbox acts on it once.
        var id = Assert.Single(sent.SelectMany(s => s).Select(s => s.MessageId).Distinct());
        await Consumed(_id, id);
        Assert.Single((await Saga()).Alerts);
        Assert.Single(await Outbox(), m => m.Kind == MailOutboxHandler.MailKind);
        Assert.Equal(0, await SweepAt(At(31, 8)));
    }

    [Fact]
    public async Task The_agency_clock_stops_while_the_file_is_back_with_the_applicant_and_restarts_on_resubmission()
    {
        await Submit();
        _time.SetUtcNow(At(31, 7, 40));
        var returned = await Publish(new ApplicationReturned(_id, "frontoffice", ["KTP"], "KTP buram", 1, Now));
        Assert.Null(returned.NextAlertAt);
        Assert.Null(returned.DueAt);
        Assert.Equal(0, await SweepAt(At(32, 9, 59)));  // Wednesday: nothing came due while the applicant held the file

        _time.SetUtcNow(At(32, 10));
        var resubmitted = await Publish(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 2, Now));
        Assert.Equal(At(32, 11), resubmitted.DueAt);
        Assert.Equal(At(32, 10, 30), resubmitted.NextAlertAt);
        var pause = Assert.Single(resubmitted.Pauses);
        Assert.Equal((At(31, 7, 40), At(32, 10), "KTP buram", "frontoffice"), (pause.From, pause.To, pause.Reason, pause.CausedBy));
        // Agency: Friday 16:00–16:30 and Tuesday 07:30–07:40. Applicant: Tuesday 07:40–12:00 and 13:00–16:00 (lunch is no
        // one's time) and Wednesday 07:30–10:00.
        Assert.Equal(TimeSpan.FromMinutes(40), resubmitted.AgencyTime);
        Assert.Equal(TimeSpan.FromMinutes(260 + 180 + 150), resubmitted.ApplicantTime);

        Assert.Equal(1, await SweepAt(At(32, 10, 30)));
        Assert.Equal(1, await SweepAt(At(32, 11)));
        Assert.Equal(AlertLevel.Breach, (await Saga()).Alerts[^1].Level);
    }

    [Fact]
    public async Task A_decision_that_does_not_come_within_the_statutory_time_is_flagged_once()
    {
        await Submit();
        var accepted = await Publish(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME",
            new TechnicalReviewInfo(ReviewKind.Inspection, 3), 2, Now));
        // Two working days from Friday 16:00 (7 h into Friday's 7.5 h), skipping the weekend and Monday's holiday: the same point of
        // Wednesday's working time, 07:30–12:00 = 4.5 h and 13:00 + 2.5 h → 15:30.
        Assert.Equal(At(32, 15, 30), accepted.StatutoryDueAt);
        await Publish(new TechnicalReviewOpened(_id, Now));

        await SweepAt(At(32, 15, 29));
        Assert.False((await Saga()).StatutoryDeadlinePassed);
        await SweepAt(At(32, 15, 30));
        await SweepAt(At(33, 9));
        var saga = await Saga();
        Assert.True(saga.StatutoryDeadlinePassed);
        // The officers' warning, worded for the agency head; the applicant's history does not carry it, and nobody is told "deemed granted".
        var warning = Assert.Single(saga.History, h => h.Action == "Batas waktu layanan terlampaui");
        Assert.True(warning.OfficersOnly);
        Assert.Null(PermitHistory.ForApplicant(warning));
        Assert.DoesNotContain(saga.History, h => $"{h.Action} {h.Note}".Contains("dikabulkan", StringComparison.OrdinalIgnoreCase));
        var outbox = await Outbox();
        Assert.Single(outbox, m => m.Is<PermitStatutoryDeadlinePassed>());
        var mail = Assert.Single(outbox.Where(m => m.Kind == MailOutboxHandler.MailKind).Select(m => (MailMessage)m.Deserialize(out _)),
            m => m.To.StartsWith("kepala@", StringComparison.Ordinal));
        Assert.StartsWith("Batas waktu layanan terlampaui", mail.Subject);
        Assert.DoesNotContain("dikabulkan", mail.TextBody);

        // The worklist carries the warning for the file.
        var tasks = await _host.Harness.GetRequestClient<GetTasks>().GetResponse<TaskList>(new GetTasks("BackOffice"));
        Assert.True(Assert.Single(tasks.Message.Items, t => t.ApplicationId == _id).StatutoryDeadlinePassed);
    }

    [Fact]
    public async Task An_account_request_past_its_hour_alerts_the_section_head_once()
    {
        var registration = NewId.NextGuid();
        await _host.Harness.Bus.Publish(new RegistrationSubmitted(registration, "Budi", "3214011505900001", "budi@contoh.co.id", Now));
        var registrations = await _host.Get<RegistrationSagas>().CollectionAsync();
        for (var i = 0; i < 400 && await registrations.FindAsync(registration.ToString()) is null; i++)
            await Task.Delay(25);
        Assert.True(await registrations.FindAsync(registration.ToString()) is not null, "RegistrationSubmitted was not consumed within 10 s.");

        Assert.Equal(1, await SweepAt(At(31, 8)));
        Assert.Equal(0, await SweepAt(At(31, 9)));
        var saga = (await registrations.FindAsync(registration.ToString()))!.Document;
        Assert.True(saga.Overdue);
        Assert.Equal(AlertLevel.Breach, Assert.Single(saga.Alerts).Level);
        // The event and the section head's email leave with the saga's write.
        var outbox = (await registrations.PendingOutboxAsync(10)).Single(p => p.DocumentId == registration.ToString()).Messages;
        Assert.Single(outbox, m => m.Is<RegistrationApprovalOverdue>());
        Assert.Equal("kasi.perizinan@dpmptsp.purwakartakab.go.id",
            ((MailMessage)Assert.Single(outbox, m => m.Kind == MailOutboxHandler.MailKind).Deserialize(out _)).To);
    }
}
