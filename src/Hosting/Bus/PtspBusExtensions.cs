using System.Net.Sockets;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Bus;

/// <summary>What each service adds to the bus; the host applies them all in one <c>AddMassTransit</c>.</summary>
sealed class BusRegistrations
{
    public List<Action<IBusRegistrationConfigurator>> Actions { get; } = [];
}

public static class PtspBusExtensions
{
    /// <summary>Adds a service's consumers, sagas and request clients; call before <see cref="AddPtspBus"/>.</summary>
    public static IHostApplicationBuilder ConfigureBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        Registrations(builder).Actions.Add(configure);
        return builder;
    }

    /// <summary>
    /// The bus from <c>Bus__Transport</c>: every endpoint retries store conflicts and transient faults and
    /// holds its outgoing messages until the consumer finished (in-memory outbox).
    /// </summary>
    public static IHostApplicationBuilder AddPtspBus(this IHostApplicationBuilder builder)
    {
        var options = BusOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        var registrations = Registrations(builder);

        if (options.Transport == BusTransport.RabbitMq)
            builder.Services.AddHostedService<BrokerStartupProbe>();

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UsePtspEndpointPolicy(context));

            foreach (var configure in registrations.Actions)
                configure(x);

            if (options.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                    {
                        h.Username(options.Username);
                        h.Password(options.Password);
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    /// <summary>
    /// Every endpoint: log context with the message ids; the queue-wait metric; retry of store conflicts (a saga or document changed
    /// underneath — the retry reloads) and transient store faults; outgoing messages held until the consumer finished.
    /// </summary>
    public static void UsePtspEndpointPolicy(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        endpoint.UseConsumeFilter(typeof(LogContextFilter<>), context);
        endpoint.UseConsumeFilter(typeof(Metrics.QueueWaitFilter<>), context);
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<ConcurrencyConflictException>();
            r.Handle<SqliteException>();
            r.Handle<MongoException>();
            r.Handle<TimeoutException>();
            // An event that arrived before the saga instance it belongs to (OnMissingInstance → Fault).
            r.Handle<SagaException>();
            r.Intervals(10, 20, 50, 100, 200, 500, 1000, 2000, 5000);
        });
        endpoint.UseInMemoryOutbox(context);

        // A message that still fails after the retries is recorded as a fault in this service's store (ADR 0014), where ops list,
        // replay or discard it; the _error queue takes it only if recording fails.
        if (context.GetService(typeof(FaultLog)) is FaultLog faults)
        {
            var logger = (ILogger?)context.GetService(typeof(ILogger<FaultLog>)) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            endpoint.ConfigureError(error =>
            {
                error.UseFilter(new MassTransit.Middleware.GenerateFaultFilter());
                error.UseFilter(new RecordFaultFilter(faults, logger));
                error.UseFilter(new MassTransit.Middleware.ErrorTransportFilter());
            });
        }
    }

    /// <summary>Applies what the services added with <see cref="ConfigureBus"/> to another bus (a test harness built from a service's composition).</summary>
    public static void ApplyBusRegistrations(this IHostApplicationBuilder builder, IBusRegistrationConfigurator bus)
    {
        foreach (var configure in Registrations(builder).Actions)
            configure(bus);
    }

    static BusRegistrations Registrations(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(BusRegistrations), out var value))
            builder.Properties[typeof(BusRegistrations)] = value = new BusRegistrations();
        return (BusRegistrations)value;
    }
}

/// <summary>
/// Waits (with Polly backoff) until the broker accepts TCP connections before the bus starts, so a
/// service started before its broker logs why it waits and fails with a clear message if it never comes.
/// </summary>
sealed class BrokerStartupProbe(BusOptions options, ILogger<BrokerStartupProbe> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SocketException>(),
                MaxRetryAttempts = 10,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    logger.LogWarning("Broker {Host}:{Port} not reachable yet (attempt {Attempt}); retrying in {Delay}",
                        options.Host, options.Port, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            await pipeline.ExecuteAsync(async ct =>
            {
                using var client = new TcpClient();
                await client.ConnectAsync(options.Host, options.Port, ct);
            }, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"The RabbitMQ broker at {options.Host}:{options.Port} is not reachable (Bus:RabbitMq:Host/Port).", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
