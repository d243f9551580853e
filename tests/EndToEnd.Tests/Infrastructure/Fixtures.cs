using System.Security.Cryptography;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>The embedded default: every service in one process (in-memory bus, SQLite files, .eml pickup).</summary>
public class EmbeddedFixture : IAsyncLifetime
{
    public const string OfficerPassword = "Petugas-Uji-2026";
    public const string PublicBaseUrl = "https://perizinan.purwakartakab.go.id";

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-embedded-").FullName;
    ServiceProcess? _host;

    public PtspClient Client { get; private set; } = null!;

    public MailPickup Mail => new(Path.Combine(_directory, "mail"));

    public string DataDirectory => Path.Combine(_directory, "data");

    public ServiceProcess Host => _host!;

    /// <summary>Settings a fixture variant adds (e.g. short service levels).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Sqlite__Directory"] = Path.Combine(_directory, "data"),
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Seed__OfficerPassword"] = OfficerPassword,
            ["Public__BaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in PtspClient.RaisedRateLimits.Concat(ExtraSettings))
            environment[key] = value;
        _host = ServiceProcess.Start("AllInOne", environment, Path.Combine(_directory, "logs"));
        await _host.WaitReadyAsync(TimeSpan.FromSeconds(90));
        Client = new PtspClient(_host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        TryDelete(_directory);
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The distributed mode: each service its own process, talking over a real RabbitMQ broker (a virtual host
/// of their own), each with its own SQLite file in one data folder.
/// </summary>
public class DistributedFixture : IAsyncLifetime
{
    public const string OfficerPassword = "Petugas-Uji-2026";
    public static readonly string[] Services = ["Registration", "Workflow", "Intake", "Technical", "Signing", "Gateway"];
    public static readonly string[] ReplicatedServices = ["Intake", "Technical"];

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-distributed-").FullName;
    readonly Dictionary<string, ServiceProcess> _processes = [];
    Dictionary<string, string> _environment = [];

    public string VirtualHost { get; private set; } = "";

    /// <summary>The key the Gateway sends to the services' internal endpoints (ADR 0013).</summary>
    public string ServiceKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public PtspClient Client { get; private set; } = null!;

    public MailPickup Mail => new(Path.Combine(_directory, "mail"));

    public ServiceProcess this[string service] => _processes[service];

    /// <summary>Settings a fixture variant adds (e.g. short service levels).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    /// <summary>Services a variant runs twice besides Intake and Technical.</summary>
    protected virtual IReadOnlyList<string> ExtraReplicas => [];

    /// <summary>Kills a service's process; <see cref="StartAgainAsync"/> brings it back.</summary>
    public async Task StopAsync(string service)
    {
        _processes[service].Kill();
        await _processes[service].DisposeAsync();
    }

    public async Task StartAgainAsync(string service)
    {
        var old = _processes[service];
        _processes[service] = Start(service.Split('-')[0], old.Port);
        await _processes[service].WaitReadyAsync(TimeSpan.FromSeconds(120));
    }

    public async Task InitializeAsync()
    {
        VirtualHost = RabbitMq.CreateVirtualHost();
        _environment = new Dictionary<string, string>
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMq__Host"] = "127.0.0.1",
            ["Bus__RabbitMq__VirtualHost"] = VirtualHost,
            ["Storage__Sqlite__Directory"] = Path.Combine(_directory, "data"),
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Seed__OfficerPassword"] = OfficerPassword,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Internal__ServiceKey"] = ServiceKey,
            ["Public__BaseUrl"] = "https://perizinan.purwakartakab.go.id",
        };
        foreach (var (key, value) in PtspClient.RaisedRateLimits.Concat(ExtraSettings))
            _environment[key] = value;

        foreach (var service in Services.Where(s => s != "Gateway"))
            _processes[service] = Start(service);
        // Departments scale alone: a second replica of Intake and of Technical competes for the same queues.
        foreach (var service in ReplicatedServices.Concat(ExtraReplicas))
            _processes[$"{service}-2"] = Start(service);
        // The Gateway streams files to Intake and Technical.
        _environment["Services__Intake__Url"] = _processes["Intake"].BaseAddress.ToString();
        _environment["Services__Technical__Url"] = _processes["Technical"].BaseAddress.ToString();
        _environment["Services__Signing__Url"] = _processes["Signing"].BaseAddress.ToString();
        _processes["Gateway"] = Start("Gateway");
        await Task.WhenAll(_processes.Values.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(120))));
        Client = new PtspClient(_processes["Gateway"].BaseAddress);
    }

    /// <summary>Kills a service's process (no graceful shutdown) and starts a new one in its place.</summary>
    public async Task RestartAsync(string service)
    {
        await StopAsync(service);
        await StartAgainAsync(service);
    }

    /// <summary>Runs a test step; when it fails, the services' recent log lines go into the failure message.</summary>
    public async Task WithLogsOnFailure(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{Logs()}\n{e.StackTrace}");
        }
    }

    public string Logs() => string.Join("\n", _processes.Values.Select(p => p.Tail(25)));

    ServiceProcess Start(string service, int? port = null) =>
        ServiceProcess.Start(service, _environment, Path.Combine(_directory, "logs"), port);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var process in _processes.Values)
            await process.DisposeAsync();
        if (VirtualHost.Length > 0)
            RabbitMq.DeleteVirtualHost(VirtualHost);
        EmbeddedFixture.TryDelete(_directory);
    }
}

/// <summary>Every minute is working time and the completeness check has five seconds: SLA breaches within a test.</summary>
public sealed class ShortServiceLevelsFixture : EmbeddedFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => ShortServiceLevels.Settings;
}

/// <summary>The same across processes, with two Workflow replicas racing for every alert.</summary>
public sealed class ShortServiceLevelsDistributedFixture : DistributedFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => ShortServiceLevels.Settings;

    protected override IReadOnlyList<string> ExtraReplicas => ["Workflow"];
}

public static class ShortServiceLevels
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Calendar__AlwaysOpen"] = "true",
        ["Sla__CompletenessCheck"] = "00:00:05",
        ["Escalation__PollInterval"] = "00:00:00.5",
    };

    public const string SectionHeadMailbox = "kasi.perizinan@dpmptsp.purwakartakab.go.id";
}
