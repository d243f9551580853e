using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Tests;

/// <summary>Workflow's sagas and consumers on the MassTransit test harness, a real SQLite store in a temporary folder, and a fake clock.</summary>
public sealed class WorkflowTestHost : IAsyncDisposable
{
    readonly string _directory;

    WorkflowTestHost(string directory, ServiceProvider provider)
    {
        _directory = directory;
        Provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness { get; }

    public static async Task<WorkflowTestHost> StartAsync(TimeProvider time, params (string Key, string Value)[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("ptsp-workflow-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Storage:Sqlite:Directory", directory)))
            .Build();
        var provider = Services(configuration, time)
            .AddMassTransitTestHarness(x =>
            {
                x.AddWorkflowConsumers();
                x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UsePtspEndpointPolicy(context));
            })
            .BuildServiceProvider(true);
        var host = new WorkflowTestHost(directory, provider);
        await host.Harness.Start();
        return host;
    }

    /// <summary>What Workflow registers besides the bus — also used to build a second "replica" over the same store.</summary>
    public static IServiceCollection Services(IConfiguration configuration, TimeProvider time) => new ServiceCollection()
        .AddSingleton(configuration)
        .AddSingleton(time)
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddSingleton<StorageFactory>()
        .AddSingleton(CalendarOptions.From(configuration))
        .AddSingleton<WorkingCalendar>()
        .AddSingleton(sp => new ServiceLevels(configuration))
        .AddSingleton<RegistrationSagas>()
        .AddSingleton<PermitSagas>()
        .AddSingleton<Calendar.AgencyCalendar>()
        .AddSingleton<EscalationOptions>()
        .AddSingleton<Escalation>()
        .AddSingleton<OfficerDirectory>()
        .AddSingleton<DeadlineWatcher>();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
