using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Tests;

/// <summary>
/// Workflow as its host composes it (<see cref="Extensions.AddWorkflowService"/>) on the MassTransit test harness, a real SQLite
/// store in a temporary folder, and a fake clock. Hosted services (the deadline watcher's loop, the outbox dispatcher) do not
/// run: tests sweep and read outboxes themselves.
/// </summary>
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
                .Append(new("Storage:Sqlite:Directory", directory))
                .Append(new("Mail:PickupDirectory", Path.Combine(directory, "mail"))))
            .Build();
        var provider = Services(configuration, time, harness: true).BuildServiceProvider(true);
        var host = new WorkflowTestHost(directory, provider);
        await host.Harness.Start();
        return host;
    }

    /// <summary>
    /// What every process gets from the service defaults (time, store, calendar, service levels), then Workflow's own composition;
    /// without the harness it is a second "replica" over the same store, with no bus of its own.
    /// </summary>
    public static IServiceCollection Services(IConfiguration configuration, TimeProvider time, bool harness = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<StorageFactory>();
        builder.Services.AddSingleton(CalendarOptions.From(configuration));
        builder.Services.AddSingleton<WorkingCalendar>();
        builder.Services.AddSingleton(_ => new ServiceLevels(configuration));
        builder.AddWorkflowService();
        if (harness)
        {
            builder.Services.AddMassTransitTestHarness(x =>
            {
                builder.ApplyBusRegistrations(x);
                x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UsePtspEndpointPolicy(context));
            });
        }

        return builder.Services;
    }

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
