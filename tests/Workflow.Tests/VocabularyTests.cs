using System.Reflection;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>One vocabulary: the saga's states name an API status each, and its events are named after their contracts.</summary>
public sealed class VocabularyTests
{
    static IEnumerable<PropertyInfo> Declared(Type machine, Func<Type, bool> kind) =>
        machine.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => kind(p.PropertyType));

    static readonly string[] ApiStatuses = typeof(PermitStatus).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public void Every_state_of_the_permit_machine_has_one_of_the_API_statuses()
    {
        var states = Declared(typeof(PermitStateMachine), t => t == typeof(State)).Select(p => p.Name).ToList();
        Assert.Equal(15, states.Count);
        Assert.All(states, state => Assert.Contains(PermitSagas.Status(state), ApiStatuses));
        // Every status the API documents is reached by some state.
        Assert.Equal(ApiStatuses.Order(), states.Select(PermitSagas.Status).Distinct().Order());
    }

    [Fact]
    public void Every_API_status_has_its_words()
    {
        Assert.Equal(11, ApiStatuses.Length);
        Assert.All(ApiStatuses, status => Assert.NotEqual(status, PermitStatus.Text(status)));
        Assert.Equal("Diajukan — pemeriksaan kelengkapan", PermitStatus.Text(PermitStatus.Submitted));
    }

    [Theory]
    [InlineData(typeof(PermitStateMachine))]
    [InlineData(typeof(RegistrationStateMachine))]
    public void Each_event_is_named_after_its_contract(Type machine)
    {
        var events = Declared(machine, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Event<>)).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(e.PropertyType.GetGenericArguments()[0].Name, e.Name));
    }
}
