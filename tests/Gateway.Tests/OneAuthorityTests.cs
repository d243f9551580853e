using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ptsp.Contracts.Permits;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>An officer's action is decided by one authority: the service that owns the data, asked once.</summary>
public sealed class OneAuthorityTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task The_completeness_check_puts_one_request_on_the_bus_and_asks_no_one_where_the_file_is()
    {
        var (applicant, frontOffice) = await ApplicantAndFrontOfficeAsync();
        var id = await SubmittedApplicationAsync(applicant, frontOffice);

        var consumed = await DuringAsync(() => ptsp.Api.ActAsync(id, "completeness", new { complete = true }, frontOffice));

        // While the request was answered: the command to Intake and Intake's answer; no status query to Workflow.
        Assert.Equal(1, consumed.Count(t => t == typeof(RecordCompletenessCheck)));
        Assert.DoesNotContain(typeof(GetApplicationStatus), consumed);
    }

    [Fact]
    public async Task An_action_at_the_wrong_step_is_refused_by_the_owning_service_which_names_the_current_step()
    {
        var (applicant, frontOffice) = await ApplicantAndFrontOfficeAsync();
        var id = await ptsp.Api.CreateApplicationAsync(applicant, "REKLAME");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);

        var refused = await DuringAsync(async () =>
        {
            var response = await ptsp.Api.PostAsync($"/api/v1/applications/{id}/completeness", new { complete = true }, frontOffice);
            var problem = await PtspClient.ExpectProblem(response, HttpStatusCode.Conflict);
            Assert.Equal(3, problem.Get<int>("currentStep"));
        });

        Assert.Contains(typeof(RecordCompletenessCheck), refused);
        Assert.DoesNotContain(typeof(GetApplicationStatus), refused);
    }

    [Fact]
    public async Task Invalid_input_is_judged_by_the_owning_service_alone()
    {
        var (applicant, frontOffice) = await ApplicantAndFrontOfficeAsync();
        var id = await SubmittedApplicationAsync(applicant, frontOffice);

        var consumed = await DuringAsync(async () =>
        {
            var response = await ptsp.Api.PostAsync($"/api/v1/applications/{id}/completeness", new { complete = false, note = "KTP buram" }, frontOffice);
            await PtspClient.ExpectProblem(response, HttpStatusCode.BadRequest, "missingRequirements");
        });

        Assert.Equal(1, consumed.Count(t => t == typeof(RecordCompletenessCheck)));
        Assert.DoesNotContain(typeof(GetApplicationStatus), consumed);
    }

    /// <summary>The types of every message consumed anywhere in the host while <paramref name="action"/> ran.</summary>
    async Task<IReadOnlyList<Type>> DuringAsync(Func<Task> action)
    {
        var observer = new ConsumedTypes();
        using (ptsp.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer))
            await action();
        return observer.Types.ToList();
    }

    async Task<(string Applicant, string FrontOffice)> ApplicantAndFrontOfficeAsync()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var form = PtspClient.NewApplicant(fullName: "Nur Aini");
        var registration = await ptsp.Api.RegisterAsync(form);
        await ptsp.Api.WaitForPendingAsync(registration, frontOffice);
        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/registrations/{registration}/approve", null, frontOffice), HttpStatusCode.Accepted);
        var (username, password, _) = await ptsp.Mail.CredentialsAsync(form.Email);
        var first = await ptsp.Api.TokenAsync(username, password);
        await PtspClient.Expect(await ptsp.Api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "PemohonUji2026" }, first),
            HttpStatusCode.NoContent);
        return (await ptsp.Api.TokenAsync(username, "PemohonUji2026"), frontOffice);
    }

    async Task<Guid> SubmittedApplicationAsync(string applicant, string frontOffice)
    {
        var id = await ptsp.Api.CreateApplicationAsync(applicant, "REKLAME");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, "REKLAME", applicant);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant);
        await ptsp.Api.WaitForAsync(id, frontOffice, "Submitted", 4);
        return id;
    }

    sealed class ConsumedTypes : IConsumeObserver
    {
        public ConcurrentQueue<Type> Types { get; } = new();

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            Types.Enqueue(typeof(T));
            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
