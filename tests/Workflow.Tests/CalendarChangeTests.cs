using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Tests;

/// <summary>A calendar change counts the open steps' due times again, in hours or in days, and the history says why (issue 15).</summary>
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

    [Fact]
    public async Task A_holiday_and_Ramadan_hours_move_a_step_counted_in_days_and_the_statutory_deadline_once()
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

        // Tuesday becomes a cuti bersama and Wednesday–Thursday have Ramadan hours (08:00–12:00, 12:30–15:00; Friday keeps its own).
        // Step 6, 1.5 h into Monday: the days are Wednesday, Thursday, Friday; 1.5 h into Friday 07:30 → 09:00.
        // Statutory, two days: Wednesday, Thursday; 1.5 h into Thursday's 08:00 → 09:30.
        await bus.Publish(Change(1));
        var after = await WaitFor(s => s.DueAt != before.DueAt);
        Assert.Equal((At(27, 9), At(26, 9, 30), At(26, 9, 30)), (after.DueAt, after.StatutoryDueAt, after.StatutoryCheckAt));
        // The step's target is the working time it now spans (the warnings fall at their fractions of it): Monday 09:00–16:00
        // without lunch (6 h), Wednesday and Thursday 6.5 h each, Friday 07:30–09:00 (1.5 h) = 20.5 h.
        Assert.Equal(TimeSpan.FromHours(6 + 6.5 + 6.5 + 1.5), after.StepTarget);
        var moved = Assert.Single(after.History, h => h.Action.StartsWith("Batas waktu bergeser", StringComparison.Ordinal));
        Assert.Equal(("Batas waktu bergeser karena hari libur: Cuti bersama Uji (24-11-2026)", "admin", Roles.Administrator, 6),
            (moved.Action, moved.Actor, moved.Role, moved.Step));
        Assert.Equal("Batas waktu langkah 6 dari 26-11-2026 09:00 menjadi 27-11-2026 09:00; batas waktu menurut peraturan dari 25-11-2026 09:00 " +
                     "menjadi 26-11-2026 09:30 (waktu kerja).", moved.Note);

        // The same change again (a redelivery, or another replica's copy) moves nothing and writes no second line.
        await bus.Publish(Change(1));
        for (var i = 0; i < 400 && _host.Harness.Consumed.Select<CalendarChanged>().Count() < 2; i++)
            await Task.Delay(25);
        Assert.Equal(2, _host.Harness.Consumed.Select<CalendarChanged>().Count());
        var again = (await _sagas.FindAsync(_id.ToString()))!.Document;
        Assert.Single(again.History, h => h.Action.StartsWith("Batas waktu bergeser", StringComparison.Ordinal));
    }
}
