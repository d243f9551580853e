using System.Diagnostics;
using Ptsp.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// compose.yaml cannot run here (no Docker engine), so docker-compose validates it against the Compose
/// schema and resolves it, and the resolved file is checked for what the distributed deployment needs.
/// </summary>
public class ComposeFileTests
{
    static readonly string[] Services = ["gateway", "registration", "intake", "technical", "signing", "workflow"];

    [Fact]
    public void The_compose_file_is_valid_and_runs_every_service_on_RabbitMQ_and_MongoDB()
    {
        var resolved = Compose("config", ("PTSP_AUTH_SIGNING_KEY", "a-deployment-secret-of-at-least-32-bytes!"), InternalKey,
            ("PTSP_METRICS_SCRAPE_KEY", "a-prometheus-scrape-key"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(resolved));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];

        foreach (var name in Services.Append("web"))
        {
            // Every container's /metrics is for a Prometheus that sends the scrape key, found by its labels (ADR 0016).
            var metricsEnvironment = (YamlMappingNode)((YamlMappingNode)services[name])["environment"];
            Assert.Equal("a-prometheus-scrape-key", ((YamlScalarNode)metricsEnvironment["Metrics__ScrapeKey"]).Value);
            var labels = (YamlMappingNode)((YamlMappingNode)services[name])["labels"];
            Assert.Equal("true", ((YamlScalarNode)labels["prometheus.io/scrape"]).Value);
            Assert.Equal("/metrics", ((YamlScalarNode)labels["prometheus.io/path"]).Value);
        }

        foreach (var name in Services)
        {
            var service = (YamlMappingNode)services[name];
            var environment = (YamlMappingNode)service["environment"];
            string Env(string key) => ((YamlScalarNode)environment[key]).Value!;

            Assert.Equal("RabbitMq", Env("Bus__Transport"));
            Assert.Equal("rabbitmq", Env("Bus__RabbitMq__Host"));
            Assert.Equal("Mongo", Env("Storage__Provider"));
            Assert.Contains("replicaSet=rs0", Env("Storage__Mongo__ConnectionString"));
            Assert.Equal("a-deployment-secret-of-at-least-32-bytes!", Env("Auth__SigningKey"));
            var dependsOn = (YamlMappingNode)service["depends_on"];
            Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)dependsOn["rabbitmq"])["condition"]).Value);
            Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)dependsOn["mongo"])["condition"]).Value);
            var args = (YamlMappingNode)((YamlMappingNode)service["build"])["args"];
            Assert.True(File.Exists(Path.Combine(Repository.Root, "src", ((YamlScalarNode)args["SERVICE"]).Value!, "Program.cs")));
        }

        var mongo = (YamlMappingNode)services["mongo"];
        Assert.Contains("--replSet", ((YamlSequenceNode)mongo["command"]).Children.Select(c => ((YamlScalarNode)c).Value));
        // Services wait for this check, so it must mean "writes are accepted", not merely "the set exists".
        var health = string.Join(" ", ((YamlSequenceNode)((YamlMappingNode)mongo["healthcheck"])["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Contains("isWritablePrimary", health);
        Assert.Contains("grep -qx true", health);
        Assert.Equal("2", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)services["technical"])["deploy"])["replicas"]).Value);
    }

    [Fact]
    public void The_web_application_runs_as_its_own_container_as_a_client_of_the_Gateway_with_its_keys_in_a_volume()
    {
        var resolved = Compose("config", ("PTSP_AUTH_SIGNING_KEY", "a-deployment-secret-of-at-least-32-bytes!"), InternalKey);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(resolved));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var web = (YamlMappingNode)services["web"];
        var environment = (YamlMappingNode)web["environment"];

        Assert.Equal("http://gateway:8080", ((YamlScalarNode)environment["Web__GatewayUrl"]).Value);
        Assert.Equal("/data/web-keys", ((YamlScalarNode)environment["Web__DataProtectionDirectory"]).Value);
        // No broker, no store: the Gateway is its only dependency.
        Assert.DoesNotContain(environment.Children.Keys, k => ((YamlScalarNode)k).Value!.StartsWith("Bus__", StringComparison.Ordinal));
        var dependsOn = (YamlMappingNode)web["depends_on"];
        Assert.Equal(["gateway"], dependsOn.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)dependsOn["gateway"])["condition"]).Value);
        var args = (YamlMappingNode)((YamlMappingNode)web["build"])["args"];
        Assert.Equal("Web", ((YamlScalarNode)args["SERVICE"]).Value);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "Web", "Program.cs")));
        Assert.NotEmpty((YamlSequenceNode)web["volumes"]);
    }

    [Fact]
    public void Every_container_is_started_again_when_it_exits_and_has_a_replica_count()
    {
        var resolved = Compose("config", ("PTSP_AUTH_SIGNING_KEY", "a-deployment-secret-of-at-least-32-bytes!"), InternalKey);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(resolved));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];

        foreach (var name in Services.Append("web"))
        {
            var service = (YamlMappingNode)services[name];
            Assert.Equal("unless-stopped", ((YamlScalarNode)service["restart"]).Value);
            var replicas = int.Parse(((YamlScalarNode)((YamlMappingNode)service["deploy"])["replicas"]).Value!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(replicas, 1, 9);
            // A published host port can be bound once: such a service stays at one replica.
            if (service.Children.ContainsKey(new YamlScalarNode("ports")))
                Assert.Equal(1, replicas);
        }

        Assert.Equal("2", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)services["workflow"])["deploy"])["replicas"]).Value);
    }

    [Fact]
    public void The_compose_file_refuses_to_start_without_a_signing_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose("config", InternalKey));
        Assert.Contains("PTSP_AUTH_SIGNING_KEY", error.Message);
    }

    [Fact]
    public void The_compose_file_refuses_to_start_without_an_internal_service_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose("config", ("PTSP_AUTH_SIGNING_KEY", "a-deployment-secret-of-at-least-32-bytes!")));
        Assert.Contains("PTSP_INTERNAL_SERVICE_KEY", error.Message);
    }

    static readonly (string, string) InternalKey = ("PTSP_INTERNAL_SERVICE_KEY", "a-service-key-only-the-gateway-knows");

    static string Compose(string command, params (string Key, string Value)[] environment)
    {
        var info = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(Repository.Root, "compose.yaml"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        info.Environment.Remove("PTSP_AUTH_SIGNING_KEY");
        info.Environment.Remove("PTSP_INTERNAL_SERVICE_KEY");
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("docker-compose is not installed; scripts/test.sh installs it (apt-get install docker-compose).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"docker-compose {command} failed: {error}");
        }
    }
}
