using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts.Accounts;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>SOP steps 1–2 in the saga, on its real repository (SQLite) and a fake clock.</summary>
public sealed class RegistrationStateMachineTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Friday 27 November 2026, 16:00 WIB: half an hour before Friday's 16:30 close.
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 16, 0, 0, Wib));
    WorkflowTestHost _host = null!;
    ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _host = await WorkflowTestHost.StartAsync(_time, ("Calendar:Holidays:0", "2026-11-30"));
        _harness = _host.Harness;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    RegistrationSubmitted Submitted(Guid id) => new(id, "Budi Santoso", "3214011505900001", "budi@contoh.co.id", _time.GetUtcNow());

    async Task<RegistrationListItem?> Find(string status, Guid id)
    {
        var client = _harness.GetRequestClient<GetRegistrations>();
        var response = await client.GetResponse<RegistrationList>(new GetRegistrations(status));
        return response.Message.Items.SingleOrDefault(i => i.RegistrationId == id);
    }

    async Task<RegistrationListItem> Eventually(string status, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await Find(status, id) is { } item)
                return item;
            await Task.Delay(25);
        }

        throw new TimeoutException($"{id} never became {status}.");
    }

    [Fact]
    public async Task A_submitted_registration_waits_for_FrontOffice_one_working_hour_skipping_weekend_and_holiday()
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(Submitted(id));

        var item = await Eventually("Pending", id);
        // 30 minutes on Friday; Saturday, Sunday and the Monday holiday skipped; 30 minutes on Tuesday.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Wib), item.DueAt);
        Assert.False(item.Overdue);
    }

    [Fact]
    public async Task A_pending_registration_past_its_due_time_is_overdue()
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(Submitted(id));
        await Eventually("Pending", id);

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 1, 0, Wib));
        Assert.True((await Find("Pending", id))!.Overdue);
    }

    [Fact]
    public async Task Approval_ends_the_wait_and_repeated_or_late_events_change_nothing()
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(Submitted(id));
        await Eventually("Pending", id);

        await _harness.Bus.Publish(new RegistrationApproved(id, "budi.santoso", "frontoffice", _time.GetUtcNow()));
        await Eventually("Approved", id);

        await _harness.Bus.Publish(Submitted(id));
        await _harness.Bus.Publish(new RegistrationRejected(id, "terlambat", "frontoffice", _time.GetUtcNow()));
        var machine = _harness.GetSagaStateMachineHarness<RegistrationStateMachine, RegistrationState>();
        Assert.True(await machine.Consumed.Any<RegistrationRejected>(m => m.Context.Message.RegistrationId == id));
        await _harness.InactivityTask;

        Assert.NotNull(await Find("Approved", id));
        Assert.Null(await Find("Pending", id));
        Assert.Null(await Find("Rejected", id));
        Assert.False((await Find("Approved", id))!.Overdue);
    }

    [Fact]
    public async Task A_rejected_registration_is_listed_as_rejected()
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(Submitted(id));
        await Eventually("Pending", id);
        await _harness.Bus.Publish(new RegistrationRejected(id, "KTP tidak terbaca", "frontoffice", _time.GetUtcNow()));

        await Eventually("Rejected", id);
        Assert.Null(await Find("Pending", id));
    }
}
