using System.Net;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>Each service its own process, over a real RabbitMQ broker.</summary>
public sealed class DistributedModeTests(DistributedFixture ptsp) : IClassFixture<DistributedFixture>
{
    [Fact]
    public async Task Accounts_work_across_separate_processes_over_RabbitMQ()
    {
        await ptsp.WithLogsOnFailure(() => AccountsFlow.RunAsync(ptsp.Client, ptsp.Mail, DistributedFixture.OfficerPassword));

        // The services' queues are on the broker.
        var queues = RabbitMq.Queues(ptsp.VirtualHost);
        Assert.Contains("submit-registration", queues);
        Assert.Contains("approve-registration", queues);
        Assert.Contains("authenticate-user", queues);
        Assert.Contains("registration-state", queues);
        Assert.Contains("get-registrations", queues);

        // Each process answers /metrics to a caller on its machine (ADR 0016): Registration's consumers and outbox, Workflow's keeper.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var registration = PrometheusText.Parse(await http.GetStringAsync(new Uri(ptsp["Registration"].BaseAddress, "/metrics")));
        Assert.True(registration.Sum("messaging_masstransit_consume_ea_total") > 0);
        Assert.Contains(registration.Samples, s => s.Name == "ptsp_outbox_pending_messages" && s.Labels["store"] == "registration");
        Assert.Contains(registration.Samples, s => s.Name == "ptsp_faults_recorded_total" && s.Labels["keeper"] == "registration");
        var workflow = PrometheusText.Parse(await http.GetStringAsync(new Uri(ptsp["Workflow"].BaseAddress, "/metrics")));
        Assert.Contains(workflow.Samples, s => s.Name == "ptsp_faults_recorded_total" && s.Labels["keeper"] == "workflow");
    }

    [Fact]
    public Task A_deactivated_officer_is_refused_by_the_separate_Gateway_also_after_it_restarts() =>
        ptsp.WithLogsOnFailure(async () =>
    {
        var admin = await ptsp.Client.TokenAsync("admin", DistributedFixture.OfficerPassword);
        var username = $"fo.{Guid.NewGuid():N}"[..16];
        var created = await ptsp.Client.PostAsync("/api/v1/officers", new
        {
            username, fullName = "Sri Wahyuni", nip = "198809212014022001", email = $"{username}@purwakartakab.go.id", roles = new[] { "FrontOffice" },
        }, admin);
        await PtspClient.Expect(created, HttpStatusCode.Accepted);
        var officerId = (await PtspClient.Json(created)).Get<Guid>("officerId");
        var (_, oneTime, _) = await ptsp.Mail.CredentialsAsync($"{username}@purwakartakab.go.id");
        var first = await ptsp.Client.TokenAsync(username, oneTime);
        await PtspClient.Expect(await ptsp.Client.PostAsync("/api/v1/auth/password", new { currentPassword = oneTime, newPassword = "PetugasBaru2026" }, first),
            HttpStatusCode.NoContent);
        var token = await ptsp.Client.TokenAsync(username, "PetugasBaru2026");
        var colleague = await ptsp.Client.TokenAsync("frontoffice", DistributedFixture.OfficerPassword);
        await PtspClient.Expect(await ptsp.Client.GetAsync("/api/v1/tasks", token), HttpStatusCode.OK);

        await PtspClient.Expect(await ptsp.Client.PostAsync($"/api/v1/officers/{officerId}/deactivation", null, admin), HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ptsp.Client.GetAsync("/api/v1/tasks", token)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the deactivated officer's token was still accepted after 20 s");
            await Task.Delay(100);
        }

        // A new Gateway process learns the stamps from Registration: still refused; a colleague's token still works.
        await ptsp.RestartAsync("Gateway");
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync("/api/v1/tasks", token), HttpStatusCode.Unauthorized);
        await PtspClient.Expect(await ptsp.Client.GetAsync("/api/v1/tasks", colleague), HttpStatusCode.OK);
    });

    [Fact]
    public Task Only_the_Gateway_reaches_the_internal_file_endpoints_and_a_killed_service_answers_503_with_retry_after() =>
        ptsp.WithLogsOnFailure(async () =>
    {
        var officer = await ptsp.Client.TokenAsync("frontoffice", DistributedFixture.OfficerPassword);
        var path = $"/internal/intake/applications/{Guid.NewGuid()}/receipt";
        using var direct = new HttpClient { BaseAddress = ptsp["Intake"].BaseAddress };

        // A user's valid token alone does not open a service's internal endpoint; a guessed key neither.
        using var withToken = new HttpRequestMessage(HttpMethod.Get, path);
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officer);
        await PtspClient.ExpectProblem(await direct.SendAsync(withToken), HttpStatusCode.Unauthorized);
        using var guessed = new HttpRequestMessage(HttpMethod.Get, path);
        guessed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officer);
        guessed.Headers.Add("X-Ptsp-Service-Key", "geraten-saja-1234567890");
        await PtspClient.ExpectProblem(await direct.SendAsync(guessed), HttpStatusCode.Forbidden);
        using var signing = new HttpClient { BaseAddress = ptsp["Signing"].BaseAddress };
        await PtspClient.ExpectProblem(await signing.PostAsync("/internal/signing/verify", new ByteArrayContent(SampleFiles.Pdf())), HttpStatusCode.Unauthorized);
        // Through the Gateway (which sends the key) the same route answers for itself: no such application.
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync(path.Replace("/internal/intake", "/api/v1"), officer), HttpStatusCode.NotFound);

        // Intake's process (the one the Gateway streams files to) is killed: a download answers 503 with Retry-After, not 500.
        await ptsp.StopAsync("Intake");
        try
        {
            var down = await ptsp.Client.GetAsync(path.Replace("/internal/intake", "/api/v1"), officer);
            await PtspClient.ExpectProblem(down, HttpStatusCode.ServiceUnavailable);
            Assert.True(down.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {down.Headers.RetryAfter}");
        }
        finally
        {
            await ptsp.StartAgainAsync("Intake");
        }
    });

    [Fact]
    public Task A_registration_survives_a_crash_of_the_Registration_process_and_its_credentials_are_mailed_once() =>
        ptsp.WithLogsOnFailure(async () =>
    {
        var applicant = PtspClient.NewApplicant(fullName: "Agus Salim");
        var email = applicant.Email;
        var registrationId = await ptsp.Client.RegisterAsync(applicant);

        // Registration dies right after accepting the request, and a new process takes its place.
        await ptsp.RestartAsync("Registration");

        var frontOffice = await ptsp.Client.TokenAsync("frontoffice", DistributedFixture.OfficerPassword);
        await ptsp.Client.WaitForPendingAsync(registrationId, frontOffice);
        await PtspClient.Expect(await ptsp.Client.PostAsync($"/api/v1/registrations/{registrationId}/approve", null, frontOffice),
            HttpStatusCode.Accepted);

        var (username, password, _) = await ptsp.Mail.CredentialsAsync(email);
        Assert.True((await ptsp.Client.LoginAsync(username, password)).Get<bool>("mustChangePassword"));

        // Let any redelivery or second dispatch happen, then count.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(ptsp.Mail.CredentialMails(email));
        Assert.Single(ptsp.Mail.To(email), m => m.Subject == "Pendaftaran akun PTSP diterima");
    });
}
