using System.Net;
using System.Text.RegularExpressions;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// SOP steps 3–10 through the public API, the same in every mode, with the return loops: the file comes back
/// from the completeness check once, and the draft comes back from the section head and the division head.
/// </summary>
public static class PermitFlow
{
    /// <summary>A billboard permit (field inspection with a BAP) that is approved, verified and signed: Issued.</summary>
    /// <param name="checkpoint">
    /// Called right after the actions named "submitted", "returned", "accepted" (and scheduled), "recommended", "drafted" and "signed"
    /// (e.g. to restart a service).
    /// </param>
    public static async Task<Guid> IssueAsync(PtspClient api, Cast cast, Func<string, Task>? checkpoint = null)
    {
        const string type = "REKLAME";
        checkpoint ??= _ => Task.CompletedTask;
        var id = await ApplyAsync(api, cast, type);
        await checkpoint("submitted");

        // Step 4 returns the file once; the applicant replaces the document and resubmits.
        await api.ActAsync(id, "completeness", new { complete = false, missingRequirements = new[] { "DESAIN_REKLAME" }, note = "Ukuran reklame tidak tercantum." },
            cast["FrontOffice"]);
        await checkpoint("returned");
        var returned = await api.WaitForAsync(id, cast.ApplicantToken, "ReturnedToApplicant", 3);
        Assert.Equal("Applicant", returned.Get<string>("assignedRole"));
        Assert.Null(returned["dueAt"]);
        await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/resubmit", null, cast.ApplicantToken), HttpStatusCode.BadRequest,
            "documents");
        await PtspClient.Expect(await api.PutFileAsync($"/api/v1/applications/{id}/documents/DESAIN_REKLAME", SampleFiles.Png, "image/png", cast.ApplicantToken),
            HttpStatusCode.Created);
        await api.ActAsync(id, "resubmit", new { }, cast.ApplicantToken);
        await api.WaitForAsync(id, cast["FrontOffice"], "Submitted", 4);

        var accepted = await AcceptAndScheduleAsync(api, cast, id, "Inspection");
        await checkpoint("accepted");
        Assert.Matches(new Regex(@"^503/\d{4}/TT-REK/DPMPTSP/[IVX]+/\d{4}$"), accepted.Get<string>("receiptNumber"));

        // Step 6: an inspection needs its BAP before the recommendation.
        await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/technical-recommendation",
            new { recommendation = "Approve", notes = "Lokasi sesuai." }, cast["TechnicalTeam"]), HttpStatusCode.Conflict);
        await PtspClient.Expect(await api.PutFileAsync($"/api/v1/applications/{id}/inspection-report", SampleFiles.Pdf("BAP peninjauan lapangan"),
            "application/pdf", cast["TechnicalTeam"]), HttpStatusCode.Created);
        await api.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "Lokasi dan konstruksi sesuai ketentuan." },
            cast["TechnicalTeam"]);
        await checkpoint("recommended");
        await api.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);

        // Steps 7–9 with a return from each verifier.
        await DraftAsync(api, cast, id, "Permit");
        await checkpoint("drafted");
        await api.ActAsync(id, "verification", new { approve = false, note = "Masa berlaku izin belum dicantumkan." }, cast["SectionHead"]);
        await api.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);
        await DraftAsync(api, cast, id, "Permit");
        await api.ActAsync(id, "verification", new { approve = true }, cast["SectionHead"]);
        await api.WaitForAsync(id, cast["DivisionHead"], "InVerification", 9);
        await api.ActAsync(id, "verification", new { approve = false, note = "Dasar hukum perlu diperbarui." }, cast["DivisionHead"]);
        await api.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);
        await DraftAsync(api, cast, id, "Permit");
        await api.ActAsync(id, "verification", new { approve = true }, cast["SectionHead"]);
        await api.WaitForAsync(id, cast["DivisionHead"], "InVerification", 9);
        await api.ActAsync(id, "verification", new { approve = true }, cast["DivisionHead"]);
        await api.WaitForAsync(id, cast["AgencyHead"], "AwaitingSignature", 10);

        // Step 10.
        await api.ActAsync(id, "signature", new { approve = true }, cast["AgencyHead"]);
        await checkpoint("signed");
        var issued = await api.WaitForAsync(id, cast.ApplicantToken, "Issued", null);
        Assert.Equal("Permit", issued["decision"]!.Get<string>("kind"));
        Assert.Matches(new Regex(@"^503/\d{4}/IZN-REK/DPMPTSP/[IVX]+/\d{4}$"), issued["decision"]!.Get<string>("documentNumber"));
        Assert.Null(issued["assignedRole"]);

        // Officers read the internal notes (issue 10: the applicant's view carries none of them).
        Assert.DoesNotContain("Masa berlaku izin belum dicantumkan.", issued.ToJsonString());
        var history = (await api.GetApplicationAsync(id, cast["DivisionHead"]))["history"]!.AsArray();
        Assert.Equal([3, 3, 4, 3, 4, 5, 6, 6, 7, 8, 7, 8, 9, 7, 8, 9, 10], history.Select(h => h!.Get<int>("step")));
        Assert.Contains(history, h => h!.Get<string>("action").Contains("dikembalikan kepada pemohon") && h.Get<string>("note").Contains("Ukuran reklame"));
        Assert.Contains(history, h => h!.Get<int>("step") == 8 && h.Get<string>("role") == "SectionHead" && h.Get<string>("note") == "Masa berlaku izin belum dicantumkan.");
        Assert.Contains(history, h => h!.Get<int>("step") == 9 && h.Get<string>("role") == "DivisionHead" && h.Get<string>("note") == "Dasar hukum perlu diperbarui.");
        Assert.All(history, h => Assert.Equal(TimeSpan.FromHours(7), h!.Get<DateTimeOffset>("at").Offset));
        return id;
    }

    /// <summary>A research permit whose meeting recommends rejection: a rejection letter is drafted, verified and signed.</summary>
    public static async Task<Guid> RejectAsync(PtspClient api, Cast cast)
    {
        var id = await ApplyAsync(api, cast, "PENELITIAN");
        await AcceptAndScheduleAsync(api, cast, id, "Meeting");
        await api.ActAsync(id, "technical-recommendation", new { recommendation = "Reject", notes = "Lokasi penelitian adalah kawasan terbatas." },
            cast["TechnicalTeam"]);
        await api.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);

        // A rejection recommendation calls for a rejection letter, not a permit.
        await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/draft", new { kind = "Permit", body = "Izin" }, cast["BackOffice"]),
            HttpStatusCode.BadRequest, "kind");
        await DraftAsync(api, cast, id, "Rejection");
        await api.ActAsync(id, "verification", new { approve = true }, cast["SectionHead"]);
        await api.WaitForAsync(id, cast["DivisionHead"], "InVerification", 9);
        await api.ActAsync(id, "verification", new { approve = true }, cast["DivisionHead"]);
        await api.WaitForAsync(id, cast["AgencyHead"], "AwaitingSignature", 10);
        await api.ActAsync(id, "signature", new { approve = false, note = "Sebutkan dasar penolakan." }, cast["AgencyHead"]);
        await api.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);
        await DraftAsync(api, cast, id, "Rejection");
        await api.ActAsync(id, "verification", new { approve = true }, cast["SectionHead"]);
        await api.WaitForAsync(id, cast["DivisionHead"], "InVerification", 9);
        await api.ActAsync(id, "verification", new { approve = true }, cast["DivisionHead"]);
        await api.WaitForAsync(id, cast["AgencyHead"], "AwaitingSignature", 10);
        await api.ActAsync(id, "signature", new { approve = true }, cast["AgencyHead"]);

        var rejected = await api.WaitForAsync(id, cast.ApplicantToken, "Rejected", null);
        Assert.Equal("Rejection", rejected["decision"]!.Get<string>("kind"));
        Assert.Matches(new Regex(@"^503/\d{4}/TLK-[A-Z]+/DPMPTSP/[IVX]+/\d{4}$"), rejected["decision"]!.Get<string>("documentNumber"));
        Assert.DoesNotContain("Sebutkan dasar penolakan.", rejected.ToJsonString());
        Assert.Contains((await api.GetApplicationAsync(id, cast["AgencyHead"]))["history"]!.AsArray(),
            h => h!.Get<int>("step") == 10 && h!["note"]?.GetValue<string>() == "Sebutkan dasar penolakan.");
        return id;
    }

    /// <summary>Step 3: a draft with every required document, submitted; FrontOffice sees it due.</summary>
    public static async Task<Guid> ApplyAsync(PtspClient api, Cast cast, string permitTypeCode)
    {
        var id = await api.CreateApplicationAsync(cast.ApplicantToken, permitTypeCode);
        var draft = await api.WaitForAsync(id, cast.ApplicantToken, "Draft", 3);
        Assert.Equal(cast.Applicant, draft.Get<string>("applicantUsername"));

        var required = await api.RequiredDocumentsAsync(permitTypeCode);
        await PtspClient.Expect(await api.PutFileAsync($"/api/v1/applications/{id}/documents/{required[0]}", SampleFiles.Jpeg, "image/jpeg",
            cast.ApplicantToken), HttpStatusCode.Created);
        await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/submit", null, cast.ApplicantToken), HttpStatusCode.BadRequest,
            "documents");
        await api.UploadAllDocumentsAsync(id, permitTypeCode, cast.ApplicantToken);
        await api.ActAsync(id, "submit", new { }, cast.ApplicantToken);

        var submitted = await api.WaitForAsync(id, cast["FrontOffice"], "Submitted", 4);
        Assert.Equal("FrontOffice", submitted.Get<string>("assignedRole"));
        Assert.NotNull(submitted["dueAt"]);
        Assert.Contains(await api.TasksAsync(cast["FrontOffice"]), t => t!.Get<Guid>("applicationId") == id && t.Get<int>("step") == 4
            && t.Get<string>("permitTypeCode") == permitTypeCode && t.Get<string>("businessName") == submitted.Get<string>("businessName"));
        Assert.DoesNotContain(await api.TasksAsync(cast["BackOffice"]), t => t!.Get<Guid>("applicationId") == id);
        return id;
    }

    /// <summary>Steps 4–5: complete (a receipt), then technical data and the review schedule.</summary>
    static async Task<System.Text.Json.Nodes.JsonObject> AcceptAndScheduleAsync(PtspClient api, Cast cast, Guid id, string reviewKind)
    {
        await api.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        var accepted = await api.WaitForAsync(id, cast["BackOffice"], "InTechnicalReview", 5);
        Assert.Contains(await api.TasksAsync(cast["BackOffice"]), t => t!.Get<Guid>("applicationId") == id && t.Get<int>("step") == 5);

        await api.ActAsync(id, "technical-data", new
        {
            data = new Dictionary<string, string> { ["luasLokasi"] = "24 m2", ["koordinat"] = "-6.5569, 107.4433" },
            review = new { kind = reviewKind, scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Kantor DPMPTSP Purwakarta" },
        }, cast["BackOffice"]);
        var scheduled = await api.WaitForAsync(id, cast["TechnicalTeam"], "InTechnicalReview", 6);
        Assert.Equal("TechnicalTeam", scheduled.Get<string>("assignedRole"));
        return accepted;
    }

    static async Task DraftAsync(PtspClient api, Cast cast, Guid id, string kind)
    {
        await api.ActAsync(id, "draft", new { kind, body = "Memutuskan: menetapkan keputusan atas permohonan sesuai rekomendasi tim teknis." }, cast["BackOffice"]);
        await api.WaitForAsync(id, cast["SectionHead"], "InVerification", 8);
    }
}
