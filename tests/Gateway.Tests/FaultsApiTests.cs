using System.Net;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// Issue 14 point 3 (ADR 0014): a message whose consumer keeps failing is recorded as a fault, listed for the administrator with its
/// exception, type and application id, and replayed — same message id, to its queue — once the cause is fixed; the permit goes on.
/// The cause here is real: Workflow's stored record of the application is made unreadable in its SQLite file, then restored.
/// </summary>
public sealed class FaultsApiTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task A_poisoned_message_is_listed_replayed_after_the_fix_and_the_permit_goes_on()
    {
        var officers = await QuickPermit.OfficersAsync(ptsp.Api, InProcessPtsp.OfficerPassword);
        var (_, applicant, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Dewi Lestari");
        var id = await ptsp.Api.CreateApplicationAsync(applicant, QuickPermit.PermitType, "CV Gangguan Pulih");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, QuickPermit.PermitType, applicant);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant);
        await ptsp.Api.WaitForAsync(id, officers["FrontOffice"], "Submitted", 4);
        var admin = officers["Administrator"];

        // The cause: Workflow's record of this application cannot be read (a time that is not one). Intake accepts the file;
        // Workflow cannot take the acceptance in.
        var damage = await DamagedSagaRecord.DamageAsync(ptsp.DataDirectory, id);
        await ptsp.Api.ActAsync(id, "completeness", new { complete = true }, officers["FrontOffice"]);

        var fault = await DamagedSagaRecord.WaitForFaultAsync(ptsp.Api, id, admin);
        Assert.Equal("urn:message:ptsp:application-accepted:v1", fault.Get<string>("messageType"));
        Assert.Equal("consume", fault.Get<string>("source"));
        Assert.Equal("System.FormatException", fault.Get<string>("exceptionType")); // the stored time that is not one
        Assert.False(string.IsNullOrEmpty(fault.Get<string>("exceptionMessage")));
        Assert.False(string.IsNullOrEmpty(fault.Get<string>("queue")));
        Assert.Contains("ReceiptNumber".ToLowerInvariant(), fault.Get<string>("body").ToLowerInvariant());
        Assert.Equal("Open", fault.Get<string>("status"));
        var faultId = fault.Get<string>("id");

        // Only the administrator sees or acts on faults.
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/ops/faults", officers["FrontOffice"]), HttpStatusCode.Forbidden);
        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/ops/faults/{faultId}/replay", null, officers["SectionHead"]), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/ops/faults/nobody.0123/replay", null, admin), HttpStatusCode.NotFound);

        // Fixed, replayed: the acceptance reaches Workflow under its own message id and the file goes on to step 5.
        await damage.RestoreAsync();
        var replay = await ptsp.Api.PostAsync($"/api/v1/ops/faults/{faultId}/replay", null, admin);
        await PtspClient.Expect(replay, HttpStatusCode.OK);
        var replayed = await PtspClient.Json(replay);
        Assert.Equal("Replayed", replayed.Get<string>("status"));
        Assert.Equal("admin", replayed.Get<string>("resolvedBy"));
        await ptsp.Api.WaitForAsync(id, officers["BackOffice"], "InTechnicalReview", 5);

        // Dealt with: no longer open, and not replayed twice.
        Assert.DoesNotContain(await FaultsAsync(admin), f => f!.Get<string>("id") == faultId);
        Assert.Contains(await FaultsAsync(admin, all: true), f => f!.Get<string>("id") == faultId && f.Get<string>("status") == "Replayed");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/ops/faults/{faultId}/replay", null, admin), HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/ops/faults/{faultId}/discard", null, admin), HttpStatusCode.Conflict);
    }

    async Task<JsonArray> FaultsAsync(string admin, bool all = false)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/ops/faults" + (all ? "?all=true" : ""), admin);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        var body = await PtspClient.Json(response);
        Assert.Empty(body["unreachable"]!.AsArray());
        return body["faults"]!.AsArray();
    }
}
