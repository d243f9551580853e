using System.Net;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>With a five-second completeness target, a submitted file becomes overdue and its supervisor hears of it — once.</summary>
public static class ServiceLevelChecks
{
    public static async Task<Guid> SubmitAndWaitForBreachAsync(PtspClient api, Cast cast, Func<Task>? whileWaiting = null)
    {
        var id = await PermitFlow.ApplyAsync(api, cast, "PENELITIAN");
        if (whileWaiting is not null)
            await whileWaiting();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonObject application;
        do
        {
            await Task.Delay(250);
            application = await api.GetApplicationAsync(id, cast["FrontOffice"]);
        }
        while (!(application.Get<bool>("overdue") && Breaches(application) > 0) && DateTime.UtcNow < deadline);

        Assert.True(application.Get<bool>("overdue"), application.ToJsonString());
        Assert.Contains(await api.TasksAsync(cast["FrontOffice"]), t => t!.Get<Guid>("applicationId") == id && t.Get<bool>("overdue"));
        return id;
    }

    public static int Breaches(JsonObject application) =>
        application["history"]!.AsArray().Count(h => h!.Get<string>("action").StartsWith("Melewati batas waktu layanan langkah", StringComparison.Ordinal));

    public static async Task AssertBreachedOnceAsync(PtspClient api, MailPickup mail, Cast cast, Guid id)
    {
        // Give any second watcher or redelivery time to (wrongly) fire again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var application = await api.GetApplicationAsync(id, cast["FrontOffice"]);
        Assert.Equal(1, Breaches(application));
        var alerts = mail.To(ShortServiceLevels.SectionHeadMailbox).Where(m => m.TextBody!.Contains(id.ToString())).ToList();
        Assert.Single(alerts);
        Assert.StartsWith("Batas waktu terlewati: langkah 4", alerts[0].Subject);
    }
}

public sealed class EmbeddedServiceLevelTests(ShortServiceLevelsFixture ptsp) : IClassFixture<ShortServiceLevelsFixture>
{
    [Fact]
    public async Task A_file_not_checked_within_its_target_is_overdue_in_the_application_and_the_worklist_and_the_section_head_is_emailed()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Iwan Setiawan");
        var id = await ServiceLevelChecks.SubmitAndWaitForBreachAsync(ptsp.Client, cast);
        await ServiceLevelChecks.AssertBreachedOnceAsync(ptsp.Client, ptsp.Mail, cast, id);

        // Acting late is recorded as late.
        await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        var accepted = await ptsp.Client.WaitForAsync(id, cast["FrontOffice"], "InTechnicalReview", 5);
        Assert.True(accepted["history"]!.AsArray().Last(h => h!.Get<int>("step") == 4)!.Get<bool>("overdue"));
        Assert.True(accepted["clock"]!.Get<double>("agencyWorkingMinutes") > 0);
        // The same in /metrics (ADR 0016), from the process on this machine: the late step, the ladder, the withdrawn file, and
        // every metric the Grafana dashboard queries, MassTransit's consumers included.
        await PtspClient.Expect(await ptsp.Client.PostAsync($"/api/v1/applications/{id}/withdrawal", new { }, cast.ApplicantToken), HttpStatusCode.Accepted);
        await ptsp.Client.WaitForAsync(id, cast.ApplicantToken, "Withdrawn", null);
        using var http = new HttpClient { BaseAddress = ptsp.Host.BaseAddress };
        var scrape = PrometheusText.Parse(await http.GetStringAsync("/metrics"));
        for (var wait = 0; wait < 20 && scrape.Sum("ptsp_permits_finished_total", ("outcome", "withdrawn")) < 1; wait++)
        {
            await Task.Delay(250);
            scrape = PrometheusText.Parse(await http.GetStringAsync("/metrics"));
        }

        Assert.True(scrape.Sum("ptsp_permit_steps_completed_total", ("permit_type", "PENELITIAN"), ("step", "4"), ("overdue", "true")) >= 1);
        Assert.True(scrape.Sum("ptsp_permit_alerts_total", ("permit_type", "PENELITIAN"), ("step", "4"), ("level", "breach")) >= 1);
        Assert.True(scrape.Sum("ptsp_permits_finished_total", ("permit_type", "PENELITIAN"), ("outcome", "withdrawn")) >= 1);
        Assert.True(scrape.Sum("messaging_masstransit_consume_ea_total") > 0);
        var missing = PrometheusText.DashboardMetrics(File.ReadAllText(Path.Combine(Repository.Root, "ops", "grafana", "ptsp.json")))
            .Where(name => !scrape.Has(name)).ToList();
        Assert.True(missing.Count == 0, $"ops/grafana/ptsp.json queries metrics a real scrape does not have: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_SLA_report_counts_the_late_step_for_supervisors_as_JSON_and_CSV()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Tono Sutono");
        var id = await ServiceLevelChecks.SubmitAndWaitForBreachAsync(ptsp.Client, cast);
        await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        await ptsp.Client.WaitForAsync(id, cast["FrontOffice"], "InTechnicalReview", 5);

        var from = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var to = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var response = await ptsp.Client.GetAsync($"/api/v1/reports/sla?from={from}&to={to}", cast["SectionHead"]);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        var rows = (await PtspClient.Json(response))["rows"]!.AsArray();
        var step4 = rows.Single(r => r!.Get<string>("dimension") == "step" && r.Get<string>("key") == "4")!;
        Assert.True(step4.Get<int>("overdue") >= 1);
        Assert.Contains(rows, r => r!.Get<string>("dimension") == "permitType" && r.Get<string>("key") == "PENELITIAN");

        var csv = await ptsp.Client.GetAsync($"/api/v1/reports/sla?from={from}&to={to}&format=csv", cast["AgencyHead"]);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,key,count,withinTarget,overdue,medianMinutes,p90Minutes,meanMinutes,meanTargetMinutes", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("step,4,", StringComparison.Ordinal));

        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync($"/api/v1/reports/sla?from={from}&to={to}", cast["FrontOffice"]), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync($"/api/v1/reports/sla?from={to}&to={from}", cast["SectionHead"]), HttpStatusCode.BadRequest, "to");
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync("/api/v1/reports/sla?from=kemarin&to=besok", cast["SectionHead"]), HttpStatusCode.BadRequest, "from");
    }
}

public sealed class DistributedServiceLevelTests(ShortServiceLevelsDistributedFixture ptsp) : IClassFixture<ShortServiceLevelsDistributedFixture>
{
    [Fact]
    public Task A_breach_while_Workflow_is_stopped_is_recorded_once_when_it_returns_and_two_replicas_fire_it_once() =>
        ptsp.WithLogsOnFailure(async () =>
        {
            var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, DistributedFixture.OfficerPassword, "Eka Saputra");

            // Both Workflow processes are down across the due time, then come back.
            var id = await ServiceLevelChecks.SubmitAndWaitForBreachAsync(ptsp.Client, cast, async () =>
            {
                await ptsp.StopAsync("Workflow");
                await ptsp.StopAsync("Workflow-2");
                await Task.Delay(TimeSpan.FromSeconds(7));
                await Task.WhenAll(ptsp.StartAgainAsync("Workflow"), ptsp.StartAgainAsync("Workflow-2"));
            });
            await ServiceLevelChecks.AssertBreachedOnceAsync(ptsp.Client, ptsp.Mail, cast, id);

            // And with both running throughout.
            var second = await ServiceLevelChecks.SubmitAndWaitForBreachAsync(ptsp.Client, cast);
            await ServiceLevelChecks.AssertBreachedOnceAsync(ptsp.Client, ptsp.Mail, cast, second);
        });
}
