using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>Issue 14 point 5: every user action lands in one SHA-256 chain that the administrator reads and verifies.</summary>
public sealed class AuditLogTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task Officers_decisions_sign_ins_and_downloads_appear_with_who_role_what_and_address()
    {
        var officers = await QuickPermit.OfficersAsync(ptsp.Api, InProcessPtsp.OfficerPassword);
        var applicant = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Rina Wulandari");
        var (id, _) = await QuickPermit.AcceptedAsync(ptsp.Api, applicant.Token, officers);
        await PtspClient.Expect(await ptsp.Api.GetAsync($"/api/v1/applications/{id}/receipt", officers["BackOffice"]), HttpStatusCode.OK);
        // A failed sign-in, from an address the web application names for its visitor (believed from a loopback caller).
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
               { Content = System.Net.Http.Json.JsonContent.Create(new { username = "kasi", password = "salah-sekali" }) })
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
            using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }

        var admin = officers["Administrator"];
        var completeness = await EventuallyOneAsync(admin, $"applicationId={id}&action={Uri.EscapeDataString("POST applications/{id}/completeness")}");
        Assert.Equal("frontoffice", completeness.Get<string>("username"));
        Assert.Equal("FrontOffice", completeness.Get<string>("role"));
        Assert.Equal(202, completeness.Get<int>("status"));
        Assert.Equal("Accepted", completeness.Get<string>("outcome"));
        Assert.Equal("127.0.0.1", completeness.Get<string>("clientAddress"));
        Assert.Matches("^[0-9a-f]{64}$", completeness.Get<string>("hash"));

        var receipt = await EventuallyOneAsync(admin, $"applicationId={id}&action={Uri.EscapeDataString("GET applications/{id}/receipt")}");
        Assert.Equal("backoffice", receipt.Get<string>("username"));

        var submit = await EventuallyOneAsync(admin, $"applicationId={id}&action={Uri.EscapeDataString("POST applications/{id}/submit")}");
        Assert.Equal(applicant.Username, submit.Get<string>("username"));
        Assert.Equal("Applicant", submit.Get<string>("role"));

        var signIn = await EventuallyOneAsync(admin, $"user=kasi&action={Uri.EscapeDataString("POST auth/login")}", e => e.Get<int>("status") == 200);
        Assert.Equal("SectionHead", signIn.Get<string>("role"));
        var failed = await EventuallyOneAsync(admin, $"user=kasi&action={Uri.EscapeDataString("POST auth/login")}", e => e.Get<int>("status") == 401);
        Assert.Equal("Refused", failed.Get<string>("outcome"));
        Assert.Equal("203.0.113.7", failed.Get<string>("clientAddress"));
        Assert.Null(failed["role"]);

        // The registration's approval names the registration as its target.
        var approval = await EventuallyOneAsync(admin, $"user=frontoffice&action={Uri.EscapeDataString("POST registrations/{id}/approve")}");
        Assert.StartsWith("id=", approval.Get<string>("target"));

        var verification = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit/verify", admin));
        Assert.True(verification.Get<bool>("valid"));
        Assert.True(verification.Get<long>("entries") >= 10);
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_downloads_as_csv()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        for (var i = 0; i < 3; i++)
            await ptsp.Api.PostAsync("/api/v1/auth/login", new { username = "pager", password = "salah" });

        // Each attempt is recorded after its answer went out: wait until all three are (a full first page and a next one).
        JsonObject first = [];
        await Eventually.HoldsAsync(async () =>
        {
            first = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit?user=pager&pageSize=2", admin));
            return first["items"]!.AsArray().Count == 2 && first["nextBefore"] is not null;
        });
        var page = first["items"]!.AsArray();
        Assert.True(page[0].Get<long>("sequence") > page[1].Get<long>("sequence"));
        var next = first.Get<long>("nextBefore");
        Assert.Equal(page[1].Get<long>("sequence"), next);
        await Eventually.HoldsAsync(async () =>
            (await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/audit?user=pager&pageSize=2&before={next}", admin)))["items"]!.AsArray().Count == 1);

        var csv = await ptsp.Api.GetAsync("/api/v1/audit?user=pager&format=csv", admin);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.StartsWith("sequence,at,username,role,action", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",pager,,POST auth/login,", l));
    }

    [Fact]
    public async Task Only_the_administrator_reads_the_log_and_bad_filters_are_problems()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/audit", frontOffice), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/audit/verify", frontOffice), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/audit"), HttpStatusCode.Unauthorized);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/audit?from=0001-01-01&applicationId=x&pageSize=0&format=pdf", admin),
            HttpStatusCode.BadRequest, "from", "applicationId", "pageSize", "format");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_audit_routes()
    {
        var document = JsonNode.Parse(await (await ptsp.Api.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var list = document["paths"]!["/api/v1/audit"]!["get"]!;
        Assert.Contains("audit log", list["summary"]!.GetValue<string>());
        Assert.NotNull(list["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(list["responses"]!["400"]);
        Assert.NotNull(list["responses"]!["403"]);
        var verify = document["paths"]!["/api/v1/audit/verify"]!["get"]!;
        Assert.Contains("first entry", verify["summary"]!.GetValue<string>());
        Assert.NotNull(verify["responses"]!["200"]!["content"]!["application/json"]);
    }

    async Task<JsonObject> EventuallyOneAsync(string admin, string filter, Func<JsonObject, bool>? where = null)
    {
        JsonObject? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/audit?{filter}", admin));
            found = page["items"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => where?.Invoke(i) ?? true);
            return found is not null;
        });
        return found!;
    }
}

/// <summary>A separate host, since this test breaks its chain on purpose.</summary>
public sealed class AuditLogTamperTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task An_entry_edited_in_the_database_breaks_verification_at_exactly_that_entry()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        for (var i = 0; i < 5; i++)
            await ptsp.Api.PostAsync("/api/v1/auth/login", new { username = $"penyusup{i}", password = "salah" });
        await Eventually.HoldsAsync(async () =>
            (await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit/verify", admin))).Get<long>("entries") >= 6);
        var valid = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit/verify", admin));
        Assert.True(valid.Get<bool>("valid"));

        var target = (await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit?user=penyusup2", admin)))["items"]![0]!.Get<long>("sequence");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(ptsp.DataDirectory, "registration.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            // Someone with the database file makes the failed sign-in look like another user's.
            command.CommandText = "UPDATE \"audit-log\" SET body = replace(body, 'penyusup2', 'orang-lain') WHERE json_extract(body, '$.sequence') = $sequence";
            command.Parameters.AddWithValue("$sequence", target);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var broken = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/audit/verify", admin));
        Assert.False(broken.Get<bool>("valid"));
        Assert.Equal(target, broken.Get<long>("firstBrokenSequence"));
        Assert.Equal(target - 1, broken.Get<long>("entries"));
        Assert.Contains($"#{target}", broken.Get<string>("reason"));
    }
}
