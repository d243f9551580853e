using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>The all-in-one host with step 4's target at 3 s of an always-open calendar, so the escalation ladder fires while a test waits.</summary>
public sealed class ShortTargetPtsp : InProcessPtsp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Calendar:AlwaysOpen", "true");
        builder.UseSetting("Sla:CompletenessCheck", "00:00:03");
        builder.UseSetting("Escalation:PollInterval", "00:00:00.5");
    }
}

/// <summary>
/// Issue 14 point 4, ADR 0016: one permit driven a few steps moves the <c>ptsp_*</c> step counters and histograms of its permit
/// type, its warnings and breach, and its end; the outbox gauges and the fault counts are in the same scrape, which parses as
/// the Prometheus text format.
/// In this host no scrape key is configured, so only this machine may read <c>/metrics</c> (the test client is on loopback).
/// </summary>
public sealed class MetricsTests(ShortTargetPtsp ptsp) : IClassFixture<ShortTargetPtsp>
{
    const string Type = QuickPermit.PermitType;

    [Fact]
    public async Task A_permit_driven_a_few_steps_moves_its_step_metrics_and_the_scrape_parses()
    {
        var before = await ScrapeAsync();
        var officers = await QuickPermit.OfficersAsync(ptsp.Api, InProcessPtsp.OfficerPassword);
        var (_, applicant, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Wulan Sari");
        var id = await ptsp.Api.CreateApplicationAsync(applicant, Type, "CV Ukur Waktu");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, Type, applicant);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant);
        await ptsp.Api.WaitForAsync(id, officers["FrontOffice"], "Submitted", 4);

        // Step 4's 3 s pass: the ladder fires, then the front office accepts, late. Each alert the saga stored is counted under its
        // level. (A watcher that comes late, as on a busy machine, fires only the highest rung due: the breach, without warnings.)
        var breached = await WaitForAsync(s => s.Sum("ptsp_permit_alerts_total", ("permit_type", Type), ("step", "4"), ("level", "breach"))
            > before.Sum("ptsp_permit_alerts_total", ("permit_type", Type), ("step", "4"), ("level", "breach")));
        var stored = await StoredAlertsAsync(id);
        Assert.Contains("Breach", stored);
        foreach (var (level, label) in new[] { ("FirstWarning", "first_warning"), ("SecondWarning", "second_warning"), ("Breach", "breach") })
            Assert.True(Delta(before, breached, "ptsp_permit_alerts_total", ("permit_type", Type), ("step", "4"), ("level", label))
                >= stored.Count(l => l == level), $"{label} counted as stored");
        await ptsp.Api.ActAsync(id, "completeness", new { complete = true }, officers["FrontOffice"]);
        await ptsp.Api.WaitForAsync(id, officers["BackOffice"], "InTechnicalReview", 5);
        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/withdrawal", new { reason = "Usaha dipindahkan" }, applicant),
            HttpStatusCode.Accepted);
        await ptsp.Api.WaitForAsync(id, applicant, "Withdrawn", null);

        var after = await WaitForAsync(s => Delta(before, s, "ptsp_permits_finished_total", ("permit_type", Type), ("outcome", "withdrawn")) >= 1);
        foreach (var step in new[] { "3", "4", "5" })
            Assert.True(Delta(before, after, "ptsp_permit_steps_entered_total", ("permit_type", Type), ("step", step)) >= 1, $"step {step} entered");
        Assert.True(Delta(before, after, "ptsp_permit_steps_completed_total", ("permit_type", Type), ("step", "4"), ("role", "FrontOffice"),
            ("overdue", "true")) >= 1);
        // Step 4 took more than its 3 s target: at least 3 s of working time, a ratio of at least 1, in one more observation each.
        Assert.True(Delta(before, after, "ptsp_permit_step_working_time_minutes_count", ("permit_type", Type), ("step", "4")) >= 1);
        Assert.True(Delta(before, after, "ptsp_permit_step_working_time_minutes_sum", ("permit_type", Type), ("step", "4")) >= 3.0 / 60);
        Assert.True(Delta(before, after, "ptsp_permit_step_target_used_ratio_count", ("permit_type", Type), ("step", "4")) >= 1);
        Assert.True(Delta(before, after, "ptsp_permit_step_target_used_ratio_sum", ("permit_type", Type), ("step", "4")) >= 1);
        // Above the bucket of 1 (the meter is one per test process: other hosts' files, on time, add below it, never above).
        Assert.Contains(after.Samples, s => s.Name == "ptsp_permit_step_target_used_ratio_bucket" && s.Labels.GetValueOrDefault("le") == "1");
        Assert.True(Delta(before, after, "ptsp_permit_step_target_used_ratio_count", ("permit_type", Type), ("step", "4"))
            - Delta(before, after, "ptsp_permit_step_target_used_ratio_bucket", ("permit_type", Type), ("step", "4"), ("le", "1")) >= 1);

        // The plumbing: Workflow's outbox backlog and its age per collection, each keeper's faults from 0, MassTransit's consumers.
        Assert.Contains(after.Samples, s => s.Name == "ptsp_outbox_pending_messages" && s.Labels["store"] == "workflow" && s.Value >= 0);
        Assert.Contains(after.Samples, s => s.Name == "ptsp_outbox_oldest_age_seconds" && s.Labels["store"] == "workflow" && s.Value >= 0);
        Assert.Contains(after.Samples, s => s.Name == "ptsp_faults_recorded_total" && s.Labels["keeper"] == "ptsp");
        // Each hop's waits (what the bench's hop table reads): Intake's event waited on the bus before the saga took it; the saga's
        // announcement waited in Workflow's outbox since its write, then was handed over to the bus.
        Assert.True(Delta(before, after, "ptsp_bus_queue_wait_seconds_count", ("message_type", "ApplicationAccepted")) >= 1);
        Assert.True(Delta(before, after, "ptsp_outbox_delivery_delay_seconds_count", ("kind", "publish"), ("message_type", "ApplicationProgressed")) >= 1);
        Assert.True(Delta(before, after, "ptsp_outbox_handover_seconds_count", ("kind", "publish"), ("message_type", "ApplicationProgressed")) >= 1);
        // MassTransit's meter is one static meter per process, and MassTransit stops feeding it when a bus of the process stops:
        // with many test hosts in this process its counts are checked where each process has one bus (EndToEnd: the embedded
        // host's SLA test, which also checks every metric of ops/grafana/ptsp.json, and the distributed accounts test).
    }

    [Fact]
    public async Task Without_a_scrape_key_a_caller_that_forwards_someone_else_is_not_served()
    {
        using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await http.SendAsync(forwarded);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("ptsp_", await response.Content.ReadAsStringAsync());
    }

    async Task<PrometheusText> ScrapeAsync()
    {
        using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    async Task<PrometheusText> WaitForAsync(Func<PrometheusText, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape))
                return scrape;
            Assert.True(DateTime.UtcNow < deadline, "the metrics did not move within 30 s");
            await Task.Delay(300);
        }
    }

    static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    /// <summary>The levels of the step-4 alerts the saga stored for the application, read from Workflow's SQLite file.</summary>
    async Task<List<string>> StoredAlertsAsync(Guid id)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(ptsp.DataDirectory, "workflow.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM \"permit-sagas\" WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        var saga = JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!;
        return saga["alerts"]!.AsArray().Where(a => a!["step"]!.GetValue<int>() == 4).Select(a => a!["level"]!.GetValue<string>()).ToList();
    }
}

/// <summary>A host with <c>Metrics:ScrapeKey</c> set: only the key opens <c>/metrics</c>, also for a caller on this machine.</summary>
public sealed class KeyedMetricsPtsp : InProcessPtsp
{
    public const string Key = "prometheus-scrape-key-uji-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Metrics:ScrapeKey", Key);
    }
}

public sealed class MetricsScrapeKeyTests(KeyedMetricsPtsp ptsp) : IClassFixture<KeyedMetricsPtsp>
{
    [Fact]
    public async Task With_a_scrape_key_only_a_caller_with_that_key_reads_the_metrics()
    {
        using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(http, "bukan-kunci-yang-benar-2026")).StatusCode);
        // A user's token is not the key either.
        var token = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(http, token)).StatusCode);

        var response = await Get(http, KeyedMetricsPtsp.Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(scrape.Has("ptsp_outbox_pending_messages"));
    }

    static async Task<HttpResponseMessage> Get(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }
}
