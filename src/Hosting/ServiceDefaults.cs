using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Metrics;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;
using Serilog;
using Serilog.Events;

namespace Ptsp.Hosting;

/// <summary>What every Ptsp process shares (eShop's ServiceDefaults): logging, time, calendar, stores, outbox, mail, health, tracing, metrics.</summary>
public static class ServiceDefaults
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddHostDefaults(serviceName);
        builder.Services.TryAddSingleton<WorkingCalendar>();
        builder.Services.TryAddSingleton(sp => new ServiceLevels(builder.Configuration));
        if (!builder.Properties.ContainsKey(typeof(CalendarChangedConsumer)))
        {
            // The administrator's calendar reaches every service: its change event on a queue of the process's own, and at start-up from Workflow.
            builder.Properties[typeof(CalendarChangedConsumer)] = true;
            builder.ConfigureBus(bus =>
            {
                // A queue of this process's own (auto-deleted), so every replica of a service hears every change; a change missed
                // while the process was down comes with the start-up request.
                bus.AddConsumer<CalendarChangedConsumer>().Endpoint(e =>
                {
                    e.Temporary = true;
                    e.InstanceId = $"{Environment.ProcessId}-{MassTransit.NewId.NextGuid():N}";
                });
                bus.AddRequestClient<Contracts.Calendar.GetCalendarInForce>(MassTransit.RequestTimeout.After(s: 10));
            });
            builder.Services.AddHostedService<CalendarStartupSync>();
        }

        if (!builder.Services.Any(d => d.ServiceType == typeof(FaultKeeper)))
        {
            // This process keeps the faults of the endpoints it hosts in its own store and answers for them on its own queue (ADR 0014).
            var keeper = new FaultKeeper(serviceName);
            PtspMetrics.FaultKeeperStarted(keeper.Name);
            builder.Services.AddSingleton(keeper);
            builder.Services.AddSingleton<FaultLog>();
            builder.ConfigureBus(bus => bus.AddConsumer<FaultKeeperConsumer>().Endpoint(e => e.Name = keeper.QueueName));
        }

        builder.Services.TryAddSingleton<StorageFactory>();
        builder.Services.TryAddSingleton<Documents.PublicSite>();
        if (!builder.Services.Any(d => d.ImplementationType == typeof(OutboxDispatcher)))
        {
            builder.Services.AddHostedService<OutboxDispatcher>();
            builder.Services.AddSingleton<IOutboxHandler>(sp => new BusOutboxHandler(sp.GetRequiredService<MassTransit.IBus>(), OutboxMessage.PublishKind));
            builder.Services.AddSingleton<IOutboxHandler>(sp => new BusOutboxHandler(sp.GetRequiredService<MassTransit.IBus>(), OutboxMessage.SendKind));
        }

        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// What a process needs that has no bus and no store of its own (the Web application): logging, time, the
    /// agency's zone and letterhead, health, tracing. <see cref="AddServiceDefaults"/> builds on it.
    /// </summary>
    public static IHostApplicationBuilder AddHostDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", serviceName)
            .WriteTo.Console(BootstrapLog.ConsoleFormatter()));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(_ => CalendarOptions.From(builder.Configuration));
        builder.Services.TryAddSingleton(_ => Documents.AgencyOptions.Read(builder.Configuration));
        // Read now: a numbering pattern with an unknown key stops start-up with a message naming it.
        builder.Services.TryAddSingleton(Documents.DocumentNumbering.Read(builder.Configuration));
        builder.Services.AddHealthChecks();
        if (!builder.Services.Any(d => d.ImplementationType == typeof(SecurityHeaders)))
            builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, SecurityHeaders>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource("MassTransit").AddAspNetCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics => metrics.AddPtspMetrics());
        // Read now: a scrape key too short stops start-up with a message naming it.
        MetricsEndpoint.ScrapeKey(builder.Configuration);
        return builder;
    }

    /// <summary>The service keeps data in the store named <paramref name="store"/>; readiness checks it.</summary>
    public static IHostApplicationBuilder AddServiceStore(this IHostApplicationBuilder builder, string store)
    {
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"store-{store}",
            sp => new StoreHealthCheck(sp.GetRequiredService<StorageFactory>(), store), HealthStatus.Unhealthy, [ReadyTag]));
        return builder;
    }

    /// <summary>Mail from <c>Mail__*</c>: an <c>.eml</c> pickup folder, or SMTP when a host is set; delivered from outboxes.</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(MailOptions)))
            return builder;
        var options = MailOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IMailTransport>(string.IsNullOrWhiteSpace(options.SmtpHost)
            ? new PickupDirectoryMailTransport(options.PickupDirectory!)
            : new SmtpMailTransport(options));
        builder.Services.AddSingleton<IOutboxHandler, MailOutboxHandler>();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            // MassTransit tags its bus check "ready" too.
            Predicate = check => check.Tags.Contains(ReadyTag),
        });
        app.MapMetrics();
        return app;
    }

    sealed class StoreHealthCheck(StorageFactory storage, string name) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var store = await storage.OpenAsync(name, cancellationToken);
                await store.PingAsync(cancellationToken);
                return HealthCheckResult.Healthy($"{storage.Options.Provider} store '{name}' answers.");
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy($"Store '{name}' does not answer.", e);
            }
        }
    }
}
