using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests.Infrastructure;

/// <summary>
/// The all-in-one host in this test process: the real Gateway and services on the in-memory bus, SQLite files in a
/// temporary folder, Kestrel on a free port (the Gateway streams uploads to the services' internal endpoints over HTTP).
/// Starts in seconds, so the API's rules can be checked without starting processes.
/// </summary>
public class InProcessPtsp : WebApplicationFactory<Ptsp.AllInOne.AllInOneHost>, IAsyncLifetime
{
    public const string OfficerPassword = "Petugas-Uji-2026";

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-inprocess-").FullName;

    public PtspClient Api { get; private set; } = null!;

    public MailPickup Mail => new(Path.Combine(_directory, "mail"));

    /// <summary>The services' SQLite files (one per service), for tests that look at or tamper with what is stored.</summary>
    public string DataDirectory => Path.Combine(_directory, "data");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Sqlite:Directory", DataDirectory);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(_directory, "mail"));
        builder.UseSetting("Seed:OfficerPassword", OfficerPassword);
        // The lowest password-hash cost allowed, as every test host uses (ServiceProcess.TestPasswordIterations).
        builder.UseSetting("Accounts:PasswordIterations", "10000");
        builder.UseSetting("Public:BaseUrl", "https://perizinan.purwakartakab.go.id");
        foreach (var (key, value) in PtspClient.RaisedRateLimits)
            builder.UseSetting(key.Replace("__", ":"), value);
    }

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        Api = new PtspClient(ClientOptions.BaseAddress);
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Api?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
