using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Hosting.Calendar;
using Ptsp.Workflow.Calendar;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>
/// A calendar change counts the open steps' due times again, in hours or in days, and the history says why (issue 15); the state
/// machine does the counting, on the command the calendar consumer sends it (issue 13).
/// </summary>
public sealed class CalendarChangeTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Monday 23 November 2026, 09:00 WIB: 1.5 h into the day's working time.
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib));
    readonly Guid _id = NewId.NextGuid();
    WorkflowTestHost _host = null!;
    IDocumentCollection<PermitState> _sagas = null!;

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(_time);
        _sagas = await _host.Get<PermitSagas>().CollectionAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    DateTimeOffset Now => _time.GetUtcNow();

    static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Wib);

    static CalendarChanged Change(long revision) => new(revision, 2026, "admin", At(23, 9, 30), "hari libur: Cuti bersama Uji (24-11-2026)",
        [new HolidayEntry(new DateOnly(2026, 11, 24), "Cuti bersama Uji")],
        [new WorkingHoursOverride("Ramadan", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 27), new Dictionary<string, string>
        {
            ["Mon"] = "08:00-12:00,12:30-15:00", ["Tue"] = "08:00-12:00,12:30-15:00", ["Wed"] = "08:00-12:00,12:30-15:00", ["Thu"] = "08:00-12:00,12:30-15:00",
        })]);

    async Task<PermitState> WaitFor(Func<PermitState, bool> done)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await _sagas.FindAsync(_id.ToString()) is { } stored && done(stored.Document))
                return stored.Document;
            await Task.Delay(25);
        }

        throw new TimeoutException("The saga did not get there.");
    }

    /// <summary>A reklame application at step 6 (inspection scheduled Monday 23 November 09:00): due Thursday 09:00, statutory Wednesday 09:00.</summary>
    async Task<PermitState> AtStep6()
    {
        var bus = _host.Harness.Bus;
        await bus.Publish(new ApplicationCreated(_id, "budi.santoso", "Budi Santoso", "REKLAME", "Izin Penyelenggaraan Reklame", "CV Maju", Now));
        await WaitFor(s => s.CurrentStep == 3);
        await bus.Publish(new ApplicationSubmitted(_id, "budi.santoso", "REKLAME", 1, Now));
        await WaitFor(s => s.CurrentStep == 4);
        await bus.Publish(new ApplicationAccepted(_id, "frontoffice", "PTSP/2026/000001", "REKLAME", new TechnicalReviewInfo(ReviewKind.Inspection, 3), 2, Now));
        await WaitFor(s => s.ReceiptNumber is not null);
        await bus.Publish(new TechnicalReviewOpened(_id, Now));
        await WaitFor(s => s.CurrentStep == 5);
        await bus.Publish(new TechnicalReviewScheduled(_id, "backoffice", ReviewKind.Inspection, Now.AddDays(1), "Jl. Veteran", Now));
        var before = await WaitFor(s => s.CurrentStep == 6);
        // The ordinary week: three working days from Monday 09:00 → Thursday 09:00; the statutory two days → Wednesday 09:00.
        Assert.Equal((At(26, 9), At(25, 9)), (before.DueAt, before.StatutoryDueAt));
        return before;
    }

    static void AssertMovedByChange1(PermitState after)
    {
        // Tuesday becomes a cuti bersama and Wednesday–Thursday have Ramadan hours (08:00–12:00, 12:30–15:00; Friday keeps its own).
        // Step 6, 1.5 h into Monday: the days are Wednesday, Thursday, Friday; 1.5 h into Friday 07:30 → 09:00.
        // Statutory, two days: Wednesday, Thursday; 1.5 h into Thursday's 08:00 → 09:30.
        Assert.Equal((At(27, 9), At(26, 9, 30), At(26, 9, 30)), (after.DueAt, after.StatutoryDueAt, after.StatutoryCheckAt));
        // The step's target is the working time it now spans (the warnings fall at their fractions of it): Monday 09:00–16:00
        // without lunch (6 h), Wednesday and Thursday 6.5 h each, Friday 07:30–09:00 (1.5 h) = 20.5 h.
        Assert.Equal(TimeSpan.FromHours(6 + 6.5 + 6.5 + 1.5), after.StepTarget);
        var moved = Assert.Single(after.History, h => h.Action.StartsWith("Batas waktu bergeser", StringComparison.Ordinal));
        Assert.Equal(("Batas waktu bergeser karena hari libur: Cuti bersama Uji (24-11-2026)", "admin", Roles.Administrator, 6),
            (moved.Action, moved.Actor, moved.Role, moved.Step));
        Assert.Equal("Batas waktu langkah 6 dari 26-11-2026 09:00 menjadi 27-11-2026 09:00; batas waktu menurut peraturan dari 25-11-2026 09:00 " +
                     "menjadi 26-11-2026 09:30 (waktu kerja).", moved.Note);
    }

    async Task SendToPermit(RecountDueTimes message, Guid messageId)
    {
        var endpoint = await _host.Harness.Bus.GetSendEndpoint(PermitStateDefinition.Address);
        await endpoint.Send(message, c => c.MessageId = messageId);
        // The saga's inbox remembers what it consumed, in the same write as its state.
        await WaitFor(s => s.ConsumedMessages.Contains(messageId));
    }

    [Fact]
    public async Task A_holiday_and_Ramadan_hours_move_a_step_counted_in_days_and_the_statutory_deadline_once()
    {
        var before = await AtStep6();

        await _host.Harness.Bus.Publish(Change(1));
        var after = await WaitFor(s => s.DueAt != before.DueAt);
        AssertMovedByChange1(after);
        // The state machine counted it, in its own write: the calendar consumer only sent the saga the command.
        Assert.True(await _host.Harness.Consumed.Any<RecountDueTimes>(m => m.Context.Message.CorrelationId == _id));

        // The same change again (a redelivery, or another replica's copy) moves nothing, so nothing is even sent; and the command
        // itself again, under another id so the inbox lets it through, finds nothing to move and writes no second line.
        await _host.Harness.Bus.Publish(Change(1));
        for (var i = 0; i < 400 && _host.Harness.Consumed.Select<CalendarChanged>().Count() < 2; i++)
            await Task.Delay(25);
        Assert.Equal(2, _host.Harness.Consumed.Select<CalendarChanged>().Count());
        Assert.Single(_host.Harness.Sent.Select<RecountDueTimes>());
        await SendToPermit(new RecountDueTimes(_id, 1, "hari libur: Cuti bersama Uji (24-11-2026)", "admin", At(23, 9, 30)), NewId.NextGuid());
        var again = (await _sagas.FindAsync(_id.ToString()))!.Document;
        Assert.Equal(after.DueAt, again.DueAt);
        Assert.Single(again.History, h => h.Action.StartsWith("Batas waktu bergeser", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_that_missed_the_calendar_event_reads_the_stored_calendar_before_counting()
    {
        var before = await AtStep6();
        // The change is stored (as the administrator's request stores it), but this process never saw its event: another
        // Workflow replica took it and sent the saga the command, which this one now handles.
        var change = Change(1);
        var agency = await _host.Get<AgencyCalendar>().CollectionAsync();
        await agency.InsertAsync(AgencyCalendar.DocumentId, new CalendarDocument
        {
            Revision = 1, Holidays = [.. change.Holidays], Overrides = [.. change.Overrides], ChangedBy = "admin", ChangedAt = change.ChangedAt,
        });
        Assert.Equal(0, _host.Get<WorkingCalendar>().Revision);

        await SendToPermit(new RecountDueTimes(_id, 1, change.Summary, change.ChangedBy, change.ChangedAt), NewId.NextGuid());

        Assert.Equal(1, _host.Get<WorkingCalendar>().Revision);
        var after = (await _sagas.FindAsync(_id.ToString()))!.Document;
        Assert.NotEqual(before.DueAt, after.DueAt);
        AssertMovedByChange1(after);
    }

    [Fact]
    public async Task A_waiting_registration_is_due_when_the_new_calendar_says()
    {
        // Submitted Monday 15:30, half an hour before closing: one working hour → Tuesday 08:00.
        var registration = NewId.NextGuid();
        await _host.Harness.Bus.Publish(new RegistrationSubmitted(registration, "Budi", "3214011505900001", "budi@contoh.co.id", At(23, 15, 30)));
        var registrations = await _host.Get<RegistrationSagas>().CollectionAsync();
        RegistrationState? saga = null;
        for (var i = 0; i < 400 && saga?.DueAt is null; i++)
        {
            saga = (await registrations.FindAsync(registration.ToString()))?.Document;
            await Task.Delay(25);
        }

        Assert.Equal(At(24, 8), saga!.DueAt);

        // Tuesday is a cuti bersama and Wednesday has Ramadan hours from 08:00: the second half hour falls 08:00–08:30 Wednesday.
        await _host.Harness.Bus.Publish(Change(1));
        for (var i = 0; i < 400 && saga.DueAt == At(24, 8); i++)
        {
            await Task.Delay(25);
            saga = (await registrations.FindAsync(registration.ToString()))!.Document;
        }

        Assert.Equal(At(25, 8, 30), saga.DueAt);
        Assert.True(await _host.Harness.Consumed.Any<RecountDueTimes>(m => m.Context.Message.CorrelationId == registration));
    }

    [Fact]
    public async Task A_warning_the_recount_moved_fires_at_its_new_time_even_after_a_message_for_the_old_time()
    {
        var before = await AtStep6();
        Assert.Equal(AlertLevel.FirstWarning, before.NextAlert);
        await _host.Harness.Bus.Publish(Change(1));
        var after = await WaitFor(s => s.DueAt != before.DueAt);
        Assert.True(after.NextAlertAt > before.NextAlertAt, $"The first warning did not move: {before.NextAlertAt} → {after.NextAlertAt}.");

        // The watcher's message for the old time arrives after the recount (it was on its way): stale, nothing fires.
        var stale = new StepDeadlineReached(_id, DeadlineRung.FirstWarning, before.DeadlineToken!.Value, before.NextAlertAt!.Value);
        var endpoint = await _host.Harness.Bus.GetSendEndpoint(PermitStateDefinition.Address);
        var staleId = DeadlineAlerts.MessageId(stale);
        await endpoint.Send(stale, c => c.MessageId = staleId);
        var ignored = await WaitFor(s => s.ConsumedMessages.Contains(staleId));
        Assert.Equal((AlertLevel?)AlertLevel.FirstWarning, ignored.NextAlert);

        // At the new time the watcher's message is another one, and the warning fires.
        _time.SetUtcNow(after.NextAlertAt!.Value);
        var sent = await _host.Get<DeadlineWatcher>().SweepAsync();
        var (message, id) = Assert.Single(sent);
        Assert.NotEqual(staleId, id);
        var fired = await WaitFor(s => s.ConsumedMessages.Contains(id));
        Assert.Equal((AlertLevel?)AlertLevel.SecondWarning, fired.NextAlert);
        Assert.Equal(DeadlineRung.FirstWarning, message.Rung);
    }
}
