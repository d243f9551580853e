using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.ServiceTests;

/// <summary>
/// One service as its host composes it (its <c>Add…Service</c> from Extensions.cs) on MassTransit's in-memory test harness, real
/// SQLite files in a temporary folder and a fake clock. Hosted services do not run: a test delivers the documents' outboxes itself
/// (<see cref="DeliverOutboxAsync"/>), so what a consumer wrote and what it published are checked one after the other.
/// Shared by Intake.Tests, Technical.Tests and Signing.Tests (linked, not a project of its own).
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    readonly string _directory;
    readonly OutboxDispatcher _outbox;
    readonly IReadOnlyDictionary<string, IOutboxHandler> _handlers;

    ServiceTestHost(string directory, ServiceProvider provider)
    {
        _directory = directory;
        Provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
        _outbox = provider.GetRequiredService<OutboxDispatcher>();
        _handlers = provider.GetServices<IOutboxHandler>().ToDictionary(h => h.Kind);
    }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness { get; }

    /// <summary>The folder of the service's SQLite file(s) and its mail pickup.</summary>
    public string DataDirectory => _directory;

    public string MailDirectory => Path.Combine(_directory, "mail");

    public static async Task<ServiceTestHost> StartAsync(Action<IHostApplicationBuilder> addService, TimeProvider time,
        params (string Key, string Value)[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("ptsp-service-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Storage:Sqlite:Directory", directory))
                .Append(new("Mail:PickupDirectory", Path.Combine(directory, "mail")))
                .Append(new("Public:BaseUrl", "https://perizinan.purwakartakab.go.id")))
            .Build();

        // What every process gets from the service defaults (time, store, calendar, letterhead, numbering), then the service's own composition.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<StorageFactory>();
        builder.Services.AddSingleton(CalendarOptions.From(configuration));
        builder.Services.AddSingleton<WorkingCalendar>();
        builder.Services.AddSingleton(_ => new ServiceLevels(configuration));
        builder.Services.AddSingleton(AgencyOptions.Read(configuration));
        builder.Services.AddSingleton(DocumentNumbering.Read(configuration));
        builder.Services.AddSingleton<PublicSite>();
        addService(builder);
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<IOutboxHandler>(sp => new BusOutboxHandler(sp.GetRequiredService<IBus>(), OutboxMessage.PublishKind));
        builder.Services.AddSingleton<IOutboxHandler>(sp => new BusOutboxHandler(sp.GetRequiredService<IBus>(), OutboxMessage.SendKind));
        builder.Services.AddMassTransitTestHarness(x =>
        {
            // "Consumed yet?" answers no only after this much quiet on the bus, and counting what was published (Select) waits for it, so a
            // late duplicate would be counted: longer than the harness's default (1.2 s), which a loaded build machine can exceed.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60), testInactivityTimeout: TimeSpan.FromSeconds(3));
            builder.ApplyBusRegistrations(x);
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UsePtspEndpointPolicy(context));
        });

        var provider = builder.Services.BuildServiceProvider(true);
        var host = new ServiceTestHost(directory, provider);
        await host.Harness.Start();
        return host;
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Sends a command as the Gateway does (a request) and returns the service's answer: accepted, or refused with its reason.</summary>
    public async Task<(CommandAccepted? Accepted, CommandRefused? Refused)> SendAsync<T>(T command)
        where T : class
    {
        var response = await Harness.GetRequestClient<T>().GetResponse<CommandAccepted, CommandRefused>(command);
        if (response.Is(out Response<CommandAccepted>? accepted))
            return (accepted!.Message, null);
        return response.Is(out Response<CommandRefused>? refused) ? (null, refused!.Message) : throw new InvalidOperationException("No answer.");
    }

    /// <summary>Asks a query and returns the answer, or the refusal.</summary>
    public async Task<(TAnswer? Answer, CommandRefused? Refused)> AskAsync<TQuery, TAnswer>(TQuery query)
        where TQuery : class
        where TAnswer : class
    {
        var response = await Harness.GetRequestClient<TQuery>().GetResponse<TAnswer, CommandRefused>(query);
        if (response.Is(out Response<TAnswer>? answer))
            return (answer!.Message, null);
        return response.Is(out Response<CommandRefused>? refused) ? (null, refused!.Message) : throw new InvalidOperationException("No answer.");
    }

    /// <summary>Publishes or sends what the documents' outboxes hold (as the dispatcher does after a write) and mails what they hold.</summary>
    public Task DeliverOutboxAsync() => _outbox.DispatchAllAsync(_handlers, CancellationToken.None);

    /// <summary>What a collection's outboxes still hold, over all its documents.</summary>
    public static async Task<int> PendingAsync<TDocument>(IDocumentCollection<TDocument> collection)
        where TDocument : class =>
        (await collection.PendingOutboxAsync(1000)).Sum(p => p.Messages.Count);

    /// <summary>How many <typeparamref name="T"/> the bus carried that match, counted once the bus has been quiet for the inactivity timeout.</summary>
    public int PublishedCount<T>(Func<T, bool> filter)
        where T : class =>
        Harness.Published.Select<T>().Count(p => filter(p.Context.Message));

    /// <summary>A poppler tool's standard output for a PDF (pdftotext, pdfsig): the documents are checked as any reader would.</summary>
    public static string Poppler(string tool, byte[] pdf, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ptsp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options.Append(file).Concat(tool == "pdftotext" ? ["-"] : []))
                info.ArgumentList.Add(option);
            using var process = System.Diagnostics.Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output + error.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
