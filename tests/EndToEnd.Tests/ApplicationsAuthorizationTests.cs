using System.Net;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// A few authorization cases end to end (the real process): a repeated action and files that are not what they claim. The whole
/// endpoint × caller × step matrix runs in process, in seconds: Gateway.Tests' AuthorizationMatrixTests.
/// </summary>
public sealed class ApplicationsAuthorizationTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
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
