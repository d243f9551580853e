using System.Net;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// Issue 10, points 3–6 through the API: what each officer role may open, what the applicant reads, step 6's NSPK window and
/// rescheduling, editing and withdrawing, and the statutory warning's place.
/// </summary>
public sealed class FileVisibilityTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    static readonly string[] Officers = ["frontoffice", "backoffice", "teknis", "kasi", "kabid", "kepala"];

    PtspClient Api => ptsp.Api;

    [Fact]
    public async Task Every_officer_role_opens_the_documents_and_only_the_steps_that_judge_on_it_open_the_technical_data_and_the_BAP()
    {
        var (applicant, other) = (await ApplicantAsync(), await ApplicantAsync());
        var id = await AtStep6Async(applicant, "REKLAME", new { kind = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Jl. Veteran" });
        var bap = SampleFiles.Pdf("BAP peninjauan lapangan");
        await PtspClient.Expect(await Api.PutFileAsync($"/api/v1/applications/{id}/inspection-report", bap, "application/pdf", await Officer("teknis")),
            HttpStatusCode.Created);

        // The documents: the owner and every officer (after acceptance too), with name, type, size, sha256 and time; others are not told it exists.
        foreach (var token in Officers.Select(Officer).Append(Task.FromResult(applicant)))
        {
            var response = await Api.GetAsync($"/api/v1/applications/{id}/documents", await token);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var documents = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal(["KTP", "NPWP", "DESAIN_REKLAME", "DENAH_LOKASI", "IZIN_PEMILIK_LAHAN"], documents.Select(d => d.Get<string>("requirementCode")));
            var ktp = documents[0]!;
            Assert.Equal(("application/pdf", SampleFiles.Pdf("KTP").LongLength), (ktp.Get<string>("contentType"), ktp.Get<long>("size")));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Pdf("KTP"))), ktp.Get<string>("sha256"));
            Assert.False(string.IsNullOrEmpty(ktp.Get<string>("name")));
            Assert.NotNull(ktp["uploadedAt"]);
        }

        await PtspClient.ExpectProblem(await Api.GetAsync($"/api/v1/applications/{id}/documents", other), HttpStatusCode.NotFound);

        // The technical data and the BAP: back office, technical team, verifiers and the head; not the counter, not applicants.
        foreach (var officer in Officers)
        {
            var token = await Officer(officer);
            var data = await Api.GetAsync($"/api/v1/applications/{id}/technical-data", token);
            var report = await Api.GetAsync($"/api/v1/applications/{id}/inspection-report", token);
            if (officer == "frontoffice")
            {
                await PtspClient.ExpectProblem(data, HttpStatusCode.Forbidden);
                await PtspClient.Expect(report, HttpStatusCode.Forbidden);
                continue;
            }

            await PtspClient.Expect(data, HttpStatusCode.OK);
            var file = await PtspClient.Json(data);
            Assert.Equal("24 m2", file["data"]!.Get<string>("luasLokasi"));
            Assert.Equal(("Inspection", "Inspection", 3), (file.Get<string>("kind"), file.Get<string>("defaultKind"), file.Get<int>("workingDays")));
            Assert.Equal("Jl. Veteran", Assert.Single(file["sessions"]!.AsArray())!.Get<string>("location"));
            Assert.Equal(bap.LongLength, file["inspectionReport"]!.Get<long>("size"));
            await PtspClient.Expect(report, HttpStatusCode.OK);
            Assert.Equal(bap, await report.Content.ReadAsByteArrayAsync());
        }

        foreach (var token in new[] { applicant, other })
        {
            await PtspClient.ExpectProblem(await Api.GetAsync($"/api/v1/applications/{id}/technical-data", token), HttpStatusCode.Forbidden);
            await PtspClient.Expect(await Api.GetAsync($"/api/v1/applications/{id}/inspection-report", token), HttpStatusCode.Forbidden);
        }

        await PtspClient.Expect(await Api.GetAsync($"/api/v1/applications/{id}/technical-data"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_applicants_view_carries_no_internal_note_and_a_decided_application_cannot_be_withdrawn()
    {
        var applicant = await ApplicantAsync();
        var id = await AtStep6Async(applicant, "PENELITIAN", new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula" });
        await Api.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "RAHASIA-TEKNIS: peneliti pernah bermasalah" },
            await Officer("teknis"));
        await Api.WaitForAsync(id, await Officer("backoffice"), "InDrafting", 7);
        await Api.ActAsync(id, "draft", new { kind = "Permit", body = "Memberikan izin penelitian." }, await Officer("backoffice"));
        await Api.WaitForAsync(id, await Officer("kasi"), "InVerification", 8);
        await Api.ActAsync(id, "verification", new { approve = false, note = "RAHASIA-KASI: dasar hukum salah" }, await Officer("kasi"));
        await Api.WaitForAsync(id, await Officer("backoffice"), "InDrafting", 7);

        var officerView = (await Api.GetApplicationAsync(id, await Officer("kabid"))).ToJsonString();
        Assert.Contains("RAHASIA-TEKNIS", officerView);
        Assert.Contains("RAHASIA-KASI", officerView);
        var applicantView = await Api.GetApplicationAsync(id, applicant);
        Assert.DoesNotContain("RAHASIA", applicantView.ToJsonString());
        var actions = applicantView["history"]!.AsArray().Select(h => h.Get<string>("action")).ToList();
        Assert.Contains("Kajian teknis selesai", actions);
        Assert.Contains("Draf keputusan diperbaiki", actions);
        Assert.DoesNotContain(actions, a => a.Contains("Rekomendasi teknis", StringComparison.Ordinal));

        await Api.ActAsync(id, "draft", new { kind = "Permit", body = "Memberikan izin penelitian (perbaikan)." }, await Officer("backoffice"));
        await Api.WaitForAsync(id, await Officer("kasi"), "InVerification", 8);
        await Api.ActAsync(id, "verification", new { approve = true }, await Officer("kasi"));
        await Api.WaitForAsync(id, await Officer("kabid"), "InVerification", 9);
        await Api.ActAsync(id, "verification", new { approve = true }, await Officer("kabid"));
        await Api.WaitForAsync(id, await Officer("kepala"), "AwaitingSignature", 10);
        await Api.ActAsync(id, "signature", new { approve = true }, await Officer("kepala"));
        await Api.WaitForAsync(id, applicant, "Issued", null);

        var refused = await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/withdrawal", new { reason = "terlambat" }, applicant),
            HttpStatusCode.Conflict);
        Assert.Contains("sudah diputus", refused.Get<string>("title"));
        var issued = await Api.GetApplicationAsync(id, applicant);
        Assert.Equal("Issued", issued.Get<string>("status"));
        Assert.DoesNotContain("dikabulkan", issued.ToJsonString());
    }

    [Fact]
    public async Task Step_6_is_scheduled_inside_the_NSPK_window_both_kinds_separately_and_moved_with_a_reason()
    {
        var applicant = await ApplicantAsync();
        var id = await AcceptedAsync(applicant, "REKLAME");
        var backOffice = await Officer("backoffice");
        var data = new Dictionary<string, string> { ["luasLokasi"] = "24 m2" };

        // REKLAME's NSPK gives step 6 three working days: a month ahead is outside, and says until when.
        var late = await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/technical-data",
            new { data, review = new { kind = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddDays(30), location = "Jl. Veteran" } }, backOffice),
            HttpStatusCode.BadRequest, "review.scheduledAt");
        Assert.Contains("NSPK", late["errors"]!["review.scheduledAt"]![0]!.GetValue<string>());
        // The kind is back office's choice: "Both" for an inspection-type permit, which then needs the inspection's own time and place.
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/technical-data",
            new { data, review = new { kind = "Both", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula" } }, backOffice),
            HttpStatusCode.BadRequest, "review.inspection.scheduledAt", "review.inspection.location");
        await Api.ActAsync(id, "technical-data", new
        {
            data,
            review = new
            {
                kind = "Both", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula DPMPTSP",
                inspection = new { scheduledAt = DateTimeOffset.UtcNow.AddHours(3), location = "Jl. Veteran" },
            },
        }, backOffice);
        var teknis = await Officer("teknis");
        var scheduled = await Api.WaitForAsync(id, teknis, "InTechnicalReview", 6);

        var file = await PtspClient.Json(await Api.GetAsync($"/api/v1/applications/{id}/technical-data", teknis));
        Assert.Equal([("Meeting", "Aula DPMPTSP"), ("Inspection", "Jl. Veteran")],
            file["sessions"]!.AsArray().Select(s => (s.Get<string>("kind"), s.Get<string>("location"))));
        // The window is step 6's due time.
        Assert.Equal(scheduled.Get<DateTimeOffset>("dueAt"), file.Get<DateTimeOffset>("reviewDueAt"));

        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/review-schedule",
            new { session = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddHours(4) }, teknis), HttpStatusCode.BadRequest, "reason");
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/review-schedule",
            new { session = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddDays(30), reason = "Hujan" }, teknis), HttpStatusCode.BadRequest, "scheduledAt");
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/review-schedule",
            new { session = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddHours(4), reason = "Hujan" }, await Officer("kasi")), HttpStatusCode.Forbidden);
        await Api.ActAsync(id, "review-schedule", new { session = "Inspection", scheduledAt = DateTimeOffset.UtcNow.AddHours(4), reason = "Hujan lebat" }, teknis);

        JsonObject officerView;
        var until = DateTime.UtcNow.AddSeconds(20);
        do
        {
            officerView = await Api.GetApplicationAsync(id, teknis);
        }
        while (!officerView.ToJsonString().Contains("Hujan lebat") && DateTime.UtcNow < until && await Delay());
        Assert.Contains(officerView["history"]!.AsArray(), h => h.Get<string>("action") == "Jadwal peninjauan lapangan diubah"
                                                               && h.Get<string>("note").Contains("Alasan: Hujan lebat"));
        var applicantView = await Api.GetApplicationAsync(id, applicant);
        Assert.Contains(applicantView["history"]!.AsArray(), h => h.Get<string>("action") == "Jadwal kajian teknis diubah");
        Assert.DoesNotContain("Hujan", applicantView.ToJsonString());
        file = await PtspClient.Json(await Api.GetAsync($"/api/v1/applications/{id}/technical-data", teknis));
        Assert.Equal(1, file["sessions"]![1]!.Get<int>("changes"));

        // The applicant is told the new time and place by email, once, without the officer's internal reason.
        List<MimeKit.MimeMessage> Moved() => ptsp.Mail.To(_applicantEmail!)
            .Where(m => m.Subject?.StartsWith("Perubahan jadwal peninjauan lapangan", StringComparison.Ordinal) == true).ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(Moved().Count > 0));
        var mail = Assert.Single(Moved());
        Assert.Contains("Jl. Veteran", mail.TextBody);
        Assert.Contains("Jadwal lama", mail.TextBody);
        Assert.DoesNotContain("Hujan", mail.TextBody + (mail.HtmlBody ?? ""));
    }

    [Fact]
    public async Task The_applicant_edits_while_the_file_is_with_them_and_withdraws_before_the_decision()
    {
        var applicant = await ApplicantAsync();
        var id = await Api.CreateApplicationAsync(applicant, "PENELITIAN");
        await Api.WaitForAsync(id, applicant, "Draft", 3);
        var edit = new { businessName = "CV Data Baru", businessAddress = "Jl. Baru 1, Purwakarta", description = "Penelitian tata ruang." };

        await PtspClient.ExpectProblem(await Api.SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}",
            JsonContent(new { businessName = "", businessAddress = "x", description = "y" }), applicant), HttpStatusCode.BadRequest, "businessName");
        await PtspClient.Expect(await Api.SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}", JsonContent(edit), await Officer("frontoffice")),
            HttpStatusCode.Forbidden);
        await PtspClient.Expect(await Api.SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}", JsonContent(edit), applicant), HttpStatusCode.Accepted);
        var until = DateTime.UtcNow.AddSeconds(20);
        while ((await Api.GetApplicationAsync(id, applicant)).Get<string>("businessName") != "CV Data Baru" && DateTime.UtcNow < until)
            await Task.Delay(100);
        Assert.Equal("CV Data Baru", (await Api.GetApplicationAsync(id, applicant)).Get<string>("businessName"));

        await Api.UploadAllDocumentsAsync(id, "PENELITIAN", applicant);
        await Api.ActAsync(id, "submit", new { }, applicant);
        var frontOffice = await Officer("frontoffice");
        await Api.WaitForAsync(id, frontOffice, "Submitted", 4);
        var locked = await PtspClient.ExpectProblem(await Api.SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}", JsonContent(edit), applicant),
            HttpStatusCode.Conflict);
        Assert.Equal(4, locked.Get<int>("currentStep"));
        Assert.Contains(await Api.TasksAsync(frontOffice), t => t.Get<Guid>("applicationId") == id);

        await PtspClient.Expect(await Api.PostAsync($"/api/v1/applications/{id}/withdrawal", new { reason = "x" }, await ApplicantAsync()),
            HttpStatusCode.NotFound);
        await PtspClient.Expect(await Api.PostAsync($"/api/v1/applications/{id}/withdrawal", null, frontOffice), HttpStatusCode.Forbidden);
        await Api.ActAsync(id, "withdrawal", new { reason = "Penelitian dibatalkan" }, applicant);
        var withdrawn = await Api.WaitForAsync(id, applicant, "Withdrawn", null);
        Assert.Null(withdrawn["dueAt"]);
        Assert.Contains(withdrawn["history"]!.AsArray(), h => h.Get<string>("action") == "Permohonan ditarik (dibatalkan) oleh pemohon"
                                                              && h.Get<string>("note") == "Penelitian dibatalkan");
        Assert.DoesNotContain(await Api.TasksAsync(frontOffice), t => t.Get<Guid>("applicationId") == id);

        // Closed everywhere: the counter's check and a second withdrawal are refused, and nothing moves.
        until = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage check;
        while ((check = await Api.PostAsync($"/api/v1/applications/{id}/completeness", new { complete = true }, frontOffice)).StatusCode != HttpStatusCode.Conflict
               && DateTime.UtcNow < until)
            await Task.Delay(100);
        await PtspClient.ExpectProblem(check, HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/applications/{id}/withdrawal", null, applicant), HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await Api.PostRawAsync($"/api/v1/applications/{id}/withdrawal", "{not json", applicant), HttpStatusCode.BadRequest, "reason");
        Assert.Equal("Withdrawn", (await Api.GetApplicationAsync(id, applicant)).Get<string>("status"));
    }

    [Fact]
    public async Task The_openapi_description_names_the_new_routes_with_their_summaries()
    {
        var document = JsonNode.Parse(await (await Api.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        foreach (var (path, method) in new[]
                 {
                     ("/api/v1/applications/{id}", "put"), ("/api/v1/applications/{id}/withdrawal", "post"),
                     ("/api/v1/applications/{id}/documents", "get"), ("/api/v1/applications/{id}/business-data", "get"),
                     ("/api/v1/applications/{id}/technical-data", "get"), ("/api/v1/applications/{id}/inspection-report", "get"),
                     ("/api/v1/applications/{id}/review-schedule", "post"),
                 })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is missing from the OpenAPI description");
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
        }

        Assert.Contains("statutoryWarning", document.ToJsonString());
    }

    static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    Task<string> Officer(string username) => Api.TokenAsync(username, InProcessPtsp.OfficerPassword);

    string? _applicantEmail;

    async Task<string> ApplicantAsync()
    {
        var frontOffice = await Officer("frontoffice");
        var form = PtspClient.NewApplicant(fullName: "Dewi Lestari");
        _applicantEmail = form.Email;
        var registration = await Api.RegisterAsync(form);
        await Api.WaitForPendingAsync(registration, frontOffice);
        await PtspClient.Expect(await Api.PostAsync($"/api/v1/registrations/{registration}/approve", null, frontOffice), HttpStatusCode.Accepted);
        var (username, password, _) = await ptsp.Mail.CredentialsAsync(form.Email);
        var first = await Api.TokenAsync(username, password);
        await PtspClient.Expect(await Api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "PemohonUji2026" }, first),
            HttpStatusCode.NoContent);
        return await Api.TokenAsync(username, "PemohonUji2026");
    }

    async Task<Guid> AcceptedAsync(string applicant, string permitTypeCode)
    {
        var id = await Api.CreateApplicationAsync(applicant, permitTypeCode);
        await Api.WaitForAsync(id, applicant, "Draft", 3);
        await Api.UploadAllDocumentsAsync(id, permitTypeCode, applicant);
        await Api.ActAsync(id, "submit", new { }, applicant);
        var frontOffice = await Officer("frontoffice");
        await Api.WaitForAsync(id, frontOffice, "Submitted", 4);
        await Api.ActAsync(id, "completeness", new { complete = true }, frontOffice);
        await Api.WaitForAsync(id, await Officer("backoffice"), "InTechnicalReview", 5);
        return id;
    }

    async Task<Guid> AtStep6Async(string applicant, string permitTypeCode, object review)
    {
        var id = await AcceptedAsync(applicant, permitTypeCode);
        await Api.ActAsync(id, "technical-data", new { data = new Dictionary<string, string> { ["luasLokasi"] = "24 m2" }, review }, await Officer("backoffice"));
        await Api.WaitForAsync(id, await Officer("teknis"), "InTechnicalReview", 6);
        return id;
    }
}
