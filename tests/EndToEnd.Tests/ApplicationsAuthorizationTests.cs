using System.Net;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>Every application endpoint × every kind of caller: the expected status, and nothing changes on a refusal.</summary>
public sealed class ApplicationsAuthorizationTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    const string Owner = "owner";
    const string Other = "another applicant";
    const string Anonymous = "anonymous";
    static readonly string[] OfficerRoles = ["FrontOffice", "BackOffice", "TechnicalTeam", "SectionHead", "DivisionHead", "AgencyHead"];

    sealed record Call(string Name, HttpMethod Method, string Path, Func<HttpContent?> Body);

    static Call[] Calls(Guid id) =>
    [
        new("read", HttpMethod.Get, $"/api/v1/applications/{id}", () => null),
        new("upload a document", HttpMethod.Put, $"/api/v1/applications/{id}/documents/KTP", () => File(SampleFiles.Executable, "application/pdf")),
        new("download a document", HttpMethod.Get, $"/api/v1/applications/{id}/documents/KTP", () => null),
        new("submit", HttpMethod.Post, $"/api/v1/applications/{id}/submit", () => null),
        new("resubmit", HttpMethod.Post, $"/api/v1/applications/{id}/resubmit", () => null),
        new("completeness", HttpMethod.Post, $"/api/v1/applications/{id}/completeness", () => Json(new { complete = true })),
        new("technical data", HttpMethod.Post, $"/api/v1/applications/{id}/technical-data", () => Json(new
        {
            data = new Dictionary<string, string> { ["luas"] = "10 m2" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula DPMPTSP" },
        })),
        new("recommendation", HttpMethod.Post, $"/api/v1/applications/{id}/technical-recommendation", () => Json(new { recommendation = "Approve", notes = "Sesuai." })),
        new("inspection report", HttpMethod.Put, $"/api/v1/applications/{id}/inspection-report", () => File(SampleFiles.Pdf("BAP"), "application/pdf")),
        new("draft", HttpMethod.Post, $"/api/v1/applications/{id}/draft", () => Json(new { kind = "Permit", body = "Draf." })),
        new("verification", HttpMethod.Post, $"/api/v1/applications/{id}/verification", () => Json(new { approve = true })),
        new("signature", HttpMethod.Post, $"/api/v1/applications/{id}/signature", () => Json(new { approve = true })),
        new("tasks", HttpMethod.Get, "/api/v1/tasks", () => null),
    ];

    /// <summary>For an application in Draft (step 3, no documents yet).</summary>
    static HttpStatusCode Expected(string call, string caller)
    {
        if (caller == Anonymous)
            return HttpStatusCode.Unauthorized;
        var officer = OfficerRoles.Contains(caller);
        return (call, caller) switch
        {
            ("read", Owner) => HttpStatusCode.OK,
            ("read", Other) => HttpStatusCode.NotFound,
            ("read", "Administrator") => HttpStatusCode.Forbidden,
            ("read", _) => HttpStatusCode.OK,
            ("upload a document", Owner) => HttpStatusCode.UnsupportedMediaType, // an executable claiming to be a PDF
            ("upload a document", Other) => HttpStatusCode.NotFound,
            ("upload a document", _) => HttpStatusCode.Forbidden,
            ("download a document", _) => HttpStatusCode.NotFound,               // nothing uploaded; others may not know it exists
            ("submit", Owner) => HttpStatusCode.BadRequest,                      // documents missing
            ("resubmit", Owner) => HttpStatusCode.Conflict,                      // not returned
            ("submit" or "resubmit", Other) => HttpStatusCode.NotFound,
            ("submit" or "resubmit", _) => HttpStatusCode.Forbidden,
            ("completeness", "FrontOffice") => HttpStatusCode.Conflict,          // the right role at the wrong step
            ("technical data", "BackOffice") => HttpStatusCode.Conflict,
            ("recommendation", "TechnicalTeam") => HttpStatusCode.Conflict,
            ("inspection report", "TechnicalTeam") => HttpStatusCode.Conflict,
            ("draft", "BackOffice") => HttpStatusCode.Conflict,
            ("verification", "SectionHead" or "DivisionHead") => HttpStatusCode.Conflict,
            ("signature", "AgencyHead") => HttpStatusCode.Conflict,
            ("tasks", _) when officer => HttpStatusCode.OK,
            _ => HttpStatusCode.Forbidden,
        };
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_it_should_and_refusals_change_nothing()
    {
        var api = ptsp.Client;
        var cast = await Cast.AssembleAsync(api, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Wawan Setiawan");
        var (_, otherToken, _) = await Cast.ActiveApplicantAsync(api, ptsp.Mail, cast["FrontOffice"], "Teguh Prasetyo");
        var id = await api.CreateApplicationAsync(cast.ApplicantToken, "PENELITIAN");
        var before = await api.WaitForAsync(id, cast["FrontOffice"], "Draft", 3);

        var tokens = new Dictionary<string, string?> { [Owner] = cast.ApplicantToken, [Other] = otherToken, [Anonymous] = null };
        foreach (var (role, token) in cast.Officers)
            tokens[role] = token;

        var mismatches = new List<string>();
        foreach (var call in Calls(id))
        {
            foreach (var (caller, token) in tokens)
            {
                var response = await api.SendAsync(call.Method, call.Path, call.Body(), token);
                var expected = Expected(call.Name, caller);
                if (response.StatusCode != expected)
                    mismatches.Add($"{call.Name} by {caller}: {(int)response.StatusCode}, expected {(int)expected} {await response.Content.ReadAsStringAsync()}");
                else if ((int)expected >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        var after = await api.GetApplicationAsync(id, cast["FrontOffice"]);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task A_repeated_action_is_a_conflict_and_changes_nothing()
    {
        var api = ptsp.Client;
        var cast = await Cast.AssembleAsync(api, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Asep Sunandar");
        var id = await PermitFlow.ApplyAsync(api, cast, "PENELITIAN");

        await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/submit", null, cast.ApplicantToken), HttpStatusCode.Conflict);
        await api.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        var accepted = await api.WaitForAsync(id, cast["FrontOffice"], "InTechnicalReview", 5);
        // Both repeats reach Intake, which owns step 4 (ADR 0006), and are refused by its own guard — a refusal writes and
        // publishes nothing, so once the answer is here there is nothing left to wait for.
        foreach (var body in new object[] { new { complete = true }, new { complete = false, missingRequirements = new[] { "KTP" }, note = "x" } })
        {
            var problem = await PtspClient.ExpectProblem(await api.PostAsync($"/api/v1/applications/{id}/completeness", body, cast["FrontOffice"]),
                HttpStatusCode.Conflict);
            Assert.Equal("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan (langkah 4).", problem.Get<string>("title"));
        }

        var after = await api.GetApplicationAsync(id, cast["FrontOffice"]);
        Assert.Equal(accepted["history"]!.ToJsonString(), after["history"]!.ToJsonString());
        Assert.Equal(accepted.Get<string>("receiptNumber"), after.Get<string>("receiptNumber"));
    }

    [Fact]
    public async Task A_file_that_is_not_what_it_claims_too_large_or_for_an_unknown_requirement_is_refused_and_not_stored()
    {
        var api = ptsp.Client;
        var cast = await Cast.AssembleAsync(api, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Nining Suryani");
        var id = await api.CreateApplicationAsync(cast.ApplicantToken, "PENELITIAN");
        await api.WaitForAsync(id, cast.ApplicantToken, "Draft", 3);
        var path = $"/api/v1/applications/{id}/documents/KTP";

        await PtspClient.ExpectProblem(await api.PutFileAsync(path, SampleFiles.Executable, "application/pdf", cast.ApplicantToken),
            HttpStatusCode.UnsupportedMediaType);
        await PtspClient.ExpectProblem(await api.PutFileAsync(path, SampleFiles.Png, "application/pdf", cast.ApplicantToken),
            HttpStatusCode.UnsupportedMediaType);
        await PtspClient.ExpectProblem(await api.PutFileAsync(path, SampleFiles.Pdf(), "application/zip", cast.ApplicantToken),
            HttpStatusCode.UnsupportedMediaType);
        await PtspClient.ExpectProblem(await api.PutFileAsync(path, [], "application/pdf", cast.ApplicantToken), HttpStatusCode.BadRequest);

        var big = new byte[10 * 1024 * 1024 + 1];
        SampleFiles.Pdf().CopyTo(big, 0);
        await PtspClient.ExpectProblem(await api.PutFileAsync(path, big, "application/pdf", cast.ApplicantToken), HttpStatusCode.RequestEntityTooLarge);
        // Without a declared length (chunked), the limit is enforced while streaming.
        var streamed = await api.SendAsync(HttpMethod.Put, path, new ChunkedContent(big, "application/pdf"), cast.ApplicantToken);
        await PtspClient.ExpectProblem(streamed, HttpStatusCode.RequestEntityTooLarge);

        await PtspClient.ExpectProblem(await api.PutFileAsync($"/api/v1/applications/{id}/documents/SIUP", SampleFiles.Pdf(), "application/pdf",
            cast.ApplicantToken), HttpStatusCode.BadRequest, "requirementCode");

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(path, cast.ApplicantToken)).StatusCode);
        var files = Directory.Exists(ptsp.DataDirectory) ? Directory.GetFiles(ptsp.DataDirectory, "*", SearchOption.AllDirectories) : [];
        Assert.DoesNotContain(files, f => f.Contains(id.ToString()));

        // An exactly-10-MB PDF is fine, and reads back byte for byte.
        var limit = big[..(10 * 1024 * 1024)];
        var stored = await api.PutFileAsync(path, limit, "application/pdf", cast.ApplicantToken);
        await PtspClient.Expect(stored, HttpStatusCode.Created);
        var sha = (await PtspClient.Json(stored)).Get<string>("sha256");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(limit)), sha);
        var download = await api.GetAsync(path, cast.ApplicantToken);
        Assert.Equal(limit, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(path, cast["FrontOffice"])).StatusCode);
    }

    static HttpContent Json(object body) => System.Net.Http.Json.JsonContent.Create(body);

    static HttpContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    /// <summary>Bytes sent without a Content-Length (chunked transfer).</summary>
    sealed class ChunkedContent : HttpContent
    {
        readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string type)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
