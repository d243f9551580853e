using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>What the public and the applicant see after the decision: tracking by receipt number, revocation, the survey (issue 11).</summary>
public sealed class PublicTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    const string ApplicantName = "Dewi Lestari";

    [Fact]
    public async Task Anyone_tracks_an_application_by_its_receipt_number_in_public_words_without_names()
    {
        var (officers, applicant, _) = await PeopleAsync();
        var (id, receipt) = await QuickPermit.AcceptedAsync(ptsp.Api, applicant, officers);
        Assert.Contains('/', receipt);

        // The receipt number has slashes: sent plain and sent as %2F, both find the file; no token needed.
        var plain = await TrackAsync(receipt);
        var escaped = await TrackAsync(Uri.EscapeDataString(receipt));
        Assert.Equal(plain.ToJsonString(), escaped.ToJsonString());

        Assert.Equal(receipt, plain.Get<string>("receiptNumber"));
        Assert.Equal("InTechnicalReview", plain.Get<string>("status"));
        Assert.Equal("Kajian teknis", plain.Get<string>("statusText"));
        Assert.Equal(5, plain.Get<int>("currentStep"));
        Assert.Equal("Data teknis dan penjadwalan kajian", plain.Get<string>("currentStepName"));
        Assert.Equal("Surat Izin Penelitian", plain.Get<string>("permitTypeName"));
        Assert.Equal(TimeSpan.FromHours(7), plain.Get<DateTimeOffset>("submittedAt").Offset);
        Assert.NotNull(plain["dueAt"]);
        Assert.Equal([3, 3, 4], plain["timeline"]!.AsArray().Select(t => t!.Get<int>("step")));
        Assert.Equal("Pemeriksaan kelengkapan berkas", plain["timeline"]![2]!.Get<string>("name"));

        // No names, no business data, no documents, no ids that lead further.
        var text = plain.ToJsonString();
        foreach (var secret in new[] { ApplicantName, "Sinar Cipta", "frontoffice", "applicantUsername", "actor", "note", "documents", id.ToString() })
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_receipt_number_is_a_404_problem()
    {
        var response = await ptsp.Api.GetAsync("/api/v1/track/" + Uri.EscapeDataString("503/9999/IZN-REK/DPMPTSP/XI/2026"));
        var problem = await PtspClient.ExpectProblem(response, HttpStatusCode.NotFound);
        Assert.Equal("Nomor tanda terima tidak terdaftar.", problem.Get<string>("title"));
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/track/503/9999/IZN-REK/DPMPTSP/XI/2026"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_agency_head_revokes_a_signed_permit_and_verification_then_says_revoked_with_date_and_reason()
    {
        var (officers, applicant, _) = await PeopleAsync();
        var (id, receipt) = await QuickPermit.AcceptedAsync(ptsp.Api, applicant, officers);

        // Not yet signed: Signing refuses.
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason = "Lokasi berubah." },
            officers["AgencyHead"]), HttpStatusCode.Conflict);

        await QuickPermit.IssueAsync(ptsp.Api, id, applicant, officers);
        var issued = await ptsp.Api.GetApplicationAsync(id, applicant);
        var number = issued["decision"]!.Get<string>("documentNumber");
        var before = await VerifyAsync(number);
        Assert.True(before.Get<bool>("valid"));
        Assert.Null(before["revokedAt"]);
        var pdf = await (await ptsp.Api.GetAsync($"/api/v1/applications/{id}/decision", applicant)).Content.ReadAsByteArrayAsync();

        // Only the agency head; the reason is required.
        foreach (var role in new[] { "SectionHead", "DivisionHead", "BackOffice" })
            await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason = "x" }, officers[role]),
                HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason = "x" }, applicant),
            HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason = "x" }), HttpStatusCode.Unauthorized);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason = "  " }, officers["AgencyHead"]),
            HttpStatusCode.BadRequest, "reason");
        Assert.True((await VerifyAsync(number)).Get<bool>("valid"));

        const string reason = "Kegiatan penelitian menyimpang dari proposal yang diizinkan.";
        await ptsp.Api.ActAsync(id, "revocation", new { reason }, officers["AgencyHead"]);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/revocation", new { reason }, officers["AgencyHead"]),
            HttpStatusCode.Conflict);

        // By number: valid false, when and why.
        var after = await VerifyAsync(number);
        Assert.False(after.Get<bool>("valid"));
        Assert.Equal(reason, after.Get<string>("revocationReason"));
        Assert.Equal(TimeSpan.FromHours(7), after.Get<DateTimeOffset>("revokedAt").Offset);
        Assert.True(after.Get<DateTimeOffset>("revokedAt") >= after.Get<DateTimeOffset>("signedAt"));

        // By the very PDF: authentic (unaltered) but not valid.
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var byFile = await PtspClient.Json(await ptsp.Api.SendAsync(HttpMethod.Post, "/api/v1/verify", content, null));
        Assert.True(byFile.Get<bool>("authentic"));
        Assert.False(byFile.Get<bool>("valid"));
        Assert.Equal(reason, byFile.Get<string>("revocationReason"));
        Assert.NotNull(byFile["revokedAt"]);

        // The history shows it, and the public tracking says "Izin dicabut".
        var revoked = await ptsp.Api.WaitForAsync(id, applicant, "Revoked", null);
        Assert.Contains(revoked["history"]!.AsArray(), h => h!.Get<string>("action") == "Izin dicabut oleh Kepala DPMPTSP" && h.Get<string>("note") == reason);
        Assert.Equal("Izin dicabut", (await TrackAsync(receipt)).Get<string>("statusText"));
    }

    [Fact]
    public async Task The_applicant_is_invited_once_with_the_decision_and_answers_the_survey_once()
    {
        var (officers, applicant, email) = await PeopleAsync();
        var (id, _) = await QuickPermit.AcceptedAsync(ptsp.Api, applicant, officers);
        var answers = new[] { 4, 4, 3, 3, 4, 3, 4, 2, 3 };

        // Before the decision: no survey yet.
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey", new { answers }, applicant), HttpStatusCode.Conflict);
        Assert.False((await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/applications/{id}/survey", applicant))).Get<bool>("open"));

        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        await QuickPermit.IssueAsync(ptsp.Api, id, applicant, officers);

        // The decision email carries the invitation, once (only that email invites).
        var invitations = await MailsWithAsync(email, $"/permohonan/{id}/survei");
        Assert.Single(invitations);
        Assert.Contains("Survei Kepuasan Masyarakat", invitations[0].TextBody);
        Assert.True((await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/applications/{id}/survey", applicant))).Get<bool>("open"));

        // Someone else's application is not found; bad answers are named; officers do not answer.
        var (_, other, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Bayu Saputra");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey", new { answers }, other), HttpStatusCode.NotFound);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey", new { answers = new[] { 4, 4 } }, applicant),
            HttpStatusCode.BadRequest, "answers");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey",
            new { answers = new[] { 4, 4, 3, 3, 5, 3, 4, 0, 3 } }, applicant), HttpStatusCode.BadRequest, "U5", "U8");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey", new { answers }, officers["AgencyHead"]),
            HttpStatusCode.Forbidden);

        await ptsp.Api.ActAsync(id, "survey", new { answers }, applicant);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/survey", new { answers }, applicant), HttpStatusCode.Conflict);
        var closed = await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/applications/{id}/survey", applicant));
        Assert.False(closed.Get<bool>("open"));
        Assert.NotNull(closed["answeredAt"]);

        // The report of the period holds this one answer (no other test of this class answers): its averages are the answers;
        // IKM = (4+4+3+3+4+3+4+2+3) × 0.111 × 25 = 30 × 2.775 = 83.25 → B. No application, no name in it.
        var period = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}";
        var report = await ReportAsync(period, officers["SectionHead"], r => r.Get<int>("respondents") == 1);
        Assert.Equal(answers.Select(a => (decimal)a), report["elements"]!.AsArray().Select(e => e!.Get<decimal>("average")));
        Assert.Equal("U8", report["elements"]![7]!.Get<string>("code"));
        Assert.Equal("Penanganan pengaduan, saran dan masukan", report["elements"]![7]!.Get<string>("name"));
        Assert.Equal(83.25m, report.Get<decimal>("ikm"));
        Assert.Equal("B", report.Get<string>("category"));
        Assert.DoesNotContain(id.ToString(), report.ToJsonString());

        var csv = await ptsp.Api.GetAsync($"/api/v1/reports/skm?{period}&format=csv", officers["Administrator"]);
        await PtspClient.Expect(csv, HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kode,unsur,rata_rata", lines[0]);
        Assert.Equal("U2,\"Sistem, mekanisme dan prosedur\",4.00", lines[2]);
        Assert.Contains("IKM,\"Indeks Kepuasan Masyarakat\",83.25", lines);
        Assert.Contains("MUTU,\"Mutu pelayanan\",B", lines);

        // Supervisors and the administrator only; bad periods are named.
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/reports/skm?{period}", applicant), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/reports/skm?{period}", officers["FrontOffice"]), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/reports/skm?from=2026-12-01&to=2026-11-01", officers["SectionHead"]),
            HttpStatusCode.BadRequest, "to");
    }

    async Task<JsonObject> TrackAsync(string number)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/track/" + number);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return await PtspClient.Json(response);
    }

    async Task<JsonObject> VerifyAsync(string number)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/verify/" + Uri.EscapeDataString(number));
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return await PtspClient.Json(response);
    }

    async Task<JsonObject> ReportAsync(string period, string token, Func<JsonObject, bool> until)
    {
        // The answer is stored apart from the application, a moment after it is accepted.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await ptsp.Api.GetAsync($"/api/v1/reports/skm?{period}", token);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var report = await PtspClient.Json(response);
            if (until(report) || DateTime.UtcNow > deadline)
                return report;
            await Task.Delay(100);
        }
    }

    async Task<IReadOnlyList<MimeKit.MimeMessage>> MailsWithAsync(string email, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = ptsp.Mail.To(email).Where(m => m.TextBody?.Contains(text, StringComparison.Ordinal) == true).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                // Give a duplicate the chance to show.
                await Task.Delay(500);
                return ptsp.Mail.To(email).Where(m => m.TextBody?.Contains(text, StringComparison.Ordinal) == true).ToList();
            }

            await Task.Delay(100);
        }
    }

    async Task<(Dictionary<string, string> Officers, string Applicant, string Email)> PeopleAsync()
    {
        var officers = await QuickPermit.OfficersAsync(ptsp.Api, InProcessPtsp.OfficerPassword);
        var (_, token, email) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], ApplicantName);
        return (officers, token, email);
    }
}

/// <summary>The tracking lookup is limited per client address; the all-in-one host takes the limit from configuration.</summary>
public sealed class TrackingRateLimitTests(TrackingRateLimitTests.LowLimitPtsp ptsp) : IClassFixture<TrackingRateLimitTests.LowLimitPtsp>
{
    public sealed class LowLimitPtsp : InProcessPtsp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:Tracking:PermitLimit", "3");
            builder.UseSetting("RateLimits:Tracking:WindowSeconds", "600");
        }
    }

    [Fact]
    public async Task Too_many_lookups_from_one_address_get_a_429_problem_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
            await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/track/PTSP/2026/99999{i}"), HttpStatusCode.NotFound);

        var refused = await ptsp.Api.GetAsync("/api/v1/track/PTSP/2026/999999");
        var problem = await PtspClient.ExpectProblem(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Terlalu banyak permintaan", problem.Get<string>("title"));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");

        // Other endpoints are not limited by it.
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/permit-types"), HttpStatusCode.OK);
    }
}
