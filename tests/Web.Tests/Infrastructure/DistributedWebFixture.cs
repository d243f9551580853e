using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.Web.Tests.Infrastructure;

/// <summary>
/// The distributed mode for the browser: Registration, Workflow, Intake, Technical, Signing and the Gateway each their own
/// process over the real RabbitMQ (a virtual host of their own), and the Web as its own process, a client of the Gateway
/// only. Its address is the public one, so the decisions' QR codes land on its verification page.
/// </summary>
public sealed class DistributedWebFixture : IAsyncLifetime
{
    static readonly string[] Services = ["Registration", "Workflow", "Intake", "Technical", "Signing"];

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-web-distributed-").FullName;
    readonly List<ServiceProcess> _processes = [];
    string _virtualHost = "";

    public ServiceProcess Web { get; private set; } = null!;

    public MailPickup Mail => new(Path.Combine(_directory, "mail"));

    public string BaseUrl => Web.BaseAddress.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _virtualHost = RabbitMq.CreateVirtualHost();
        var webPort = FreePort();
        // The limits per client address are the tests' own (the walk signs in many officers from one address).
        var environment = new Dictionary<string, string>(PtspClient.RaisedRateLimits)
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMq__Host"] = "127.0.0.1",
            ["Bus__RabbitMq__VirtualHost"] = _virtualHost,
            ["Storage__Sqlite__Directory"] = Path.Combine(_directory, "data"),
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Seed__OfficerPassword"] = WebFixture.OfficerPassword,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            // Only the Gateway reaches the services' internal file endpoints (ADR 0013).
            ["Internal__ServiceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Public__BaseUrl"] = $"http://127.0.0.1:{webPort}",
        };
        var logs = Path.Combine(_directory, "logs");
        var services = Services.ToDictionary(s => s, s => Start(s, environment, logs));
        await Task.WhenAll(services.Values.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(120))));
        foreach (var service in new[] { "Intake", "Technical", "Signing" })
            environment[$"Services__{service}__Url"] = services[service].BaseAddress.ToString();
        var gateway = Start("Gateway", environment, logs);
        await gateway.WaitReadyAsync(TimeSpan.FromSeconds(120));

        environment["Web__GatewayUrl"] = gateway.BaseAddress.ToString();
        environment["Web__DataProtectionDirectory"] = Path.Combine(_directory, "web-keys");
        Web = Start("Web", environment, logs, webPort);
        await Web.WaitReadyAsync(TimeSpan.FromSeconds(120));
    }

    ServiceProcess Start(string service, IReadOnlyDictionary<string, string> environment, string logs, int? port = null)
    {
        var process = ServiceProcess.Start(service, environment, logs, port);
        _processes.Add(process);
        return process;
    }

    public string Logs() => string.Join("\n", _processes.Select(p => $"--- {p.Name}\n{p.Tail(30)}"));

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
            await process.DisposeAsync();
        if (_virtualHost.Length > 0)
        {
            try
            {
                RabbitMq.DeleteVirtualHost(_virtualHost);
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
