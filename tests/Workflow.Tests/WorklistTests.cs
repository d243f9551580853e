using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Tests;

/// <summary>GET /api/v1/tasks is answered from here: a role sees exactly what waits at its steps, oldest due first.</summary>
public sealed class WorklistTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib));
    WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync(_time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Publishes the event and waits until the saga has consumed it (its inbox records it with the state); fails on timeout.</summary>
    async Task Consumed<T>(Guid applicationId, T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await _host.Harness.Bus.Publish(message, c => c.MessageId = messageId);
        var sagas = await _host.Get<PermitSagas>().CollectionAsync();
        for (var i = 0; i < 400; i++)
        {
            if (await sagas.FindAsync(applicationId.ToString()) is { } stored && stored.Document.ConsumedMessages.Contains(messageId))
                return;
            await Task.Delay(25);
        }

        throw new TimeoutException($"{typeof(T).Name} for {applicationId} was not consumed.");
    }

    async Task Submitted(Guid id, int minutesAfterNine)
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, minutesAfterNine, 0, Wib);
        await Consumed(id, new ApplicationCreated(id, "budi", "Budi", "PENELITIAN", "Izin Penelitian", "CV", at));
        await Consumed(id, new ApplicationSubmitted(id, "budi", "PENELITIAN", 1, at));
    }

    async Task<IReadOnlyList<TaskItem>> Tasks(string role) =>
        (await _host.Harness.GetRequestClient<GetTasks>().GetResponse<TaskList>(new GetTasks(role))).Message.Items;

    [Fact]
    public async Task FrontOffice_sees_its_files_oldest_due_first_and_other_roles_do_not_see_them()
    {
        Guid first = NewId.NextGuid(), second = NewId.NextGuid(), third = NewId.NextGuid(), draft = NewId.NextGuid();
        await Submitted(second, 20);
        await Submitted(first, 5);
        await Submitted(third, 40);
        await Consumed(draft, new ApplicationCreated(draft, "budi", "Budi", "PENELITIAN", "Izin Penelitian", "CV", _time.GetUtcNow()));

        var frontOffice = await Tasks(Roles.FrontOffice);
        Assert.Equal([first, second, third], frontOffice.Select(t => t.ApplicationId));
        Assert.All(frontOffice, t => Assert.Equal(4, t.Step));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 0, Wib), frontOffice[0].DueAt);
        // Each item names the file, so a worklist needs no read per file.
        Assert.All(frontOffice, t => Assert.Equal(("PENELITIAN", "Izin Penelitian", "CV"), (t.PermitTypeCode, t.PermitTypeName, t.BusinessName)));
        Assert.Empty(await Tasks(Roles.BackOffice));
        Assert.Empty(await Tasks(Roles.SectionHead));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 10, 0, Wib));
        Assert.Equal([true, false, false], (await Tasks(Roles.FrontOffice)).Select(t => t.Overdue));
    }

    [Fact]
    public async Task A_section_head_sees_only_the_files_of_the_sectors_they_cover()
    {
        var sagas = await _host.Get<PermitSagas>().CollectionAsync();
        Guid health = NewId.NextGuid(), school = NewId.NextGuid(), older = NewId.NextGuid();
        foreach (var (id, sector) in new[] { (health, "KESEHATAN"), (school, "PENDIDIKAN"), (older, (string?)null) })
            await sagas.InsertAsync(id.ToString(), new PermitState
            {
                CorrelationId = id, CurrentState = "InSectionHeadVerification", PermitTypeCode = "APOTEK", Sector = sector,
                CurrentStep = 8, AssignedRole = Roles.SectionHead, DueAt = _time.GetUtcNow().AddHours(1),
            });

        async Task<List<Guid>> For(params string[]? sectors) =>
            (await _host.Harness.GetRequestClient<GetTasks>().GetResponse<TaskList>(new GetTasks(Roles.SectionHead, sectors))).Message.Items
            .Select(t => t.ApplicationId).ToList();

        Assert.Equal(new[] { health, older }.Order(), (await For("KESEHATAN")).Order());
        Assert.Equal(new[] { school, older }.Order(), (await For("PENDIDIKAN", "PERDAGANGAN")).Order());
        Assert.Equal([older], await For());
        Assert.Equal(3, (await Tasks(Roles.SectionHead)).Count);
    }
}
