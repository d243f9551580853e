using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Permits;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Sessions;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>Issue 10, point 2: officer accounts as an agency has them, administered through /api/v1/officers.</summary>
public sealed class OfficersApiTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    const string NewPassword = "PetugasBaru2026";

    [Fact]
    public async Task Two_front_office_officers_share_a_worklist()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var (_, second, username) = await ActiveOfficerAsync(admin, new { fullName = "Dewi Lestari", nip = "199001152015032001", roles = new[] { "FrontOffice" } });
        var first = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);

        var claims = Claims(second);
        Assert.Equal(username, claims["sub"]!.GetValue<string>());
        Assert.Equal("199001152015032001", claims["nip"]!.GetValue<string>());
        Assert.Equal("Petugas Front Office", claims["position"]!.GetValue<string>());
        Assert.Equal("Dewi Lestari", claims["name"]!.GetValue<string>());

        var applicant = await ApplicantAsync();
        var id = await ptsp.Api.CreateApplicationAsync(applicant.Token, "REKLAME");
        await ptsp.Api.WaitForAsync(id, applicant.Token, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, "REKLAME", applicant.Token);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant.Token);
        await ptsp.Api.WaitForAsync(id, first, "Submitted", 4);

        Assert.Contains(id, await TaskIdsAsync(first));
        Assert.Contains(id, await TaskIdsAsync(second));

        // Either may act; the file then leaves both desks.
        await ptsp.Api.ActAsync(id, "completeness", new { complete = true }, second);
        await ptsp.Api.WaitForAsync(id, first, "InTechnicalReview", 5);
        Assert.DoesNotContain(id, await TaskIdsAsync(first));
    }

    [Fact]
    public async Task A_deactivated_officer_is_refused_at_once_also_by_a_gateway_that_starts_later()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var (officerId, token, username) = await ActiveOfficerAsync(admin, new { fullName = "Agus Salim", roles = new[] { "BackOffice" } });
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/tasks", token), HttpStatusCode.OK);

        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/officers/{officerId}/deactivation", null, admin), HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(async () => (await ptsp.Api.GetAsync("/api/v1/tasks", token)).StatusCode == HttpStatusCode.Unauthorized);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/login", new { username, password = NewPassword }),
            HttpStatusCode.Unauthorized);
        var list = await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/officers/{officerId}", admin));
        Assert.False(list["active"]!.GetValue<bool>());
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/officers/{officerId}/deactivation", null, admin), HttpStatusCode.Conflict);

        // A Gateway that starts now learns the stamps from Registration and refuses the old token as well.
        var restarted = new SessionStamps();
        var client = ptsp.Services.GetRequiredService<IBus>().CreateRequestClient<GetSessionStamps>();
        restarted.Load((await client.GetResponse<SessionStampList>(new GetSessionStamps())).Message.Items);
        Assert.False(await restarted.AllowsAsync(username, Claims(token)["sst"]?.GetValue<string>(), CancellationToken.None));

        // Reactivated, the officer signs in again with a new token; the old one stays refused.
        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/officers/{officerId}/reactivation", null, admin), HttpStatusCode.Accepted);
        var again = await ptsp.Api.TokenAsync(username, NewPassword);
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/tasks", again), HttpStatusCode.OK);
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/tasks", token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_acting_agency_head_signs_in_with_the_role_and_the_plt_position_only_during_the_appointment()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var now = DateTimeOffset.UtcNow;
        var until = now.AddHours(2);
        var (officerId, token, _) = await ActiveOfficerAsync(admin, new
        {
            fullName = "Ir. Bambang Wijaya, M.T.",
            nip = "197204101998031003",
            position = "Kepala Bidang Perizinan dan Nonperizinan",
            roles = new[] { "DivisionHead" },
            actingAppointments = new[] { new { role = "AgencyHead", kind = "Plt", from = now.AddHours(-1), until } },
        });

        var claims = Claims(token);
        Assert.Equal("Plt. Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", claims["position"]!.GetValue<string>());
        Assert.Contains("AgencyHead", Roles(claims));
        Assert.Contains("DivisionHead", Roles(claims));
        Assert.True(claims["exp"]!.GetValue<long>() <= until.ToUnixTimeSeconds(), "the token must not outlive the appointment");

        // The same officer with the appointment moved to tomorrow: their own role and position only.
        var body = new
        {
            fullName = "Ir. Bambang Wijaya, M.T.",
            nip = "197204101998031003",
            email = (await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/officers/{officerId}", admin)))["email"]!.GetValue<string>(),
            position = "Kepala Bidang Perizinan dan Nonperizinan",
            roles = new[] { "DivisionHead" },
            actingAppointments = new[] { new { role = "AgencyHead", kind = "Plt", from = now.AddDays(1), until = now.AddDays(3) } },
        };
        await PtspClient.Expect(await ptsp.Api.SendAsync(HttpMethod.Put, $"/api/v1/officers/{officerId}", JsonContent.Create(body), admin),
            HttpStatusCode.Accepted);
        var later = Claims(await ptsp.Api.TokenAsync(Claims(token)["sub"]!.GetValue<string>(), NewPassword));
        Assert.Equal("Kepala Bidang Perizinan dan Nonperizinan", later["position"]!.GetValue<string>());
        Assert.DoesNotContain("AgencyHead", Roles(later));
        // Changing the appointment ended the session that carried the acting role.
        await Eventually.HoldsAsync(async () => (await ptsp.Api.GetAsync("/api/v1/tasks", token)).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_section_head_cannot_verify_a_draft_of_a_sector_they_do_not_cover()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var (_, schools, _) = await ActiveOfficerAsync(admin, new
        {
            fullName = "Drs. Hendra Gunawan", nip = "197811032005011004", position = "Kepala Seksi Perizinan Pendidikan",
            roles = new[] { "SectionHead" }, sectors = new[] { "PENDIDIKAN" },
        });
        Assert.Equal("PENDIDIKAN", Claims(schools)["sector"]!.GetValue<string>());

        // A pharmacy permit's decision, opened at Signing as the saga opens it after the recommendation (step 7).
        var id = NewId.NextGuid();
        var endpoint = await ptsp.Services.GetRequiredService<IBus>().GetSendEndpoint(Queues.Address(Queues.OpenDrafting));
        await endpoint.Send(new OpenDrafting(id, "budi", "Budi", "Apotek Sehat", "APOTEK", "Izin Apotek", Recommendation.Approve, Sector: "KESEHATAN"));
        var backOffice = await ptsp.Api.TokenAsync("backoffice", InProcessPtsp.OfficerPassword);
        await Eventually.HoldsAsync(async () => (await ptsp.Api.PostAsync($"/api/v1/applications/{id}/draft",
            new { kind = "Permit", body = "Memutuskan: memberikan izin apotek." }, backOffice)).StatusCode == HttpStatusCode.Accepted);

        var refused = await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/verification", new { approve = true }, schools),
            HttpStatusCode.Forbidden);
        Assert.Contains("Kesehatan", refused["title"]!.GetValue<string>());

        // The section head who covers health (the demo "kasi" covers every sector) verifies it.
        var health = await ptsp.Api.TokenAsync("kasi", InProcessPtsp.OfficerPassword);
        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/verification", new { approve = true }, health), HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_officer_and_password_reset_routes()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await (await ptsp.Api.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/officers", "/api/v1/officers/{id}", "/api/v1/officers/{id}/deactivation", "/api/v1/officers/{id}/reactivation",
                     "/api/v1/officers/{id}/password-reset", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm" })
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        var create = paths["/api/v1/officers"]!["post"]!;
        Assert.Contains("one-time password", create["summary"]!.GetValue<string>());
        Assert.NotNull(create["responses"]!["202"]);
        Assert.NotNull(create["responses"]!["403"]);
        Assert.NotNull(paths["/api/v1/auth/password-reset"]!["post"]!["responses"]!["202"]);
    }

    [Fact]
    public async Task Only_the_administrator_manages_officers()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/officers"), HttpStatusCode.Unauthorized);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/officers", frontOffice), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers", new { username = "x.y", fullName = "X", email = "x@y.go.id", roles = new[] { "Administrator" } },
            frontOffice), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/officers/{Guid.NewGuid()}/password-reset", null, frontOffice), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invalid_officer_data_is_refused_field_by_field_and_nothing_is_created()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var before = (await ListAsync(admin)).Count;

        var problem = await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers",
            new { username = "A", fullName = " ", nip = "12345", email = "bukan-email", roles = Array.Empty<string>() }, admin),
            HttpStatusCode.BadRequest, "username", "fullName", "nip", "email", "roles");
        Assert.Contains("18 digit", problem["errors"]!["nip"]![0]!.GetValue<string>());

        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers",
            new { username = "kasi.tanpa.sektor", fullName = "Kasi", email = "kasi@purwakartakab.go.id", roles = new[] { "SectionHead" } }, admin),
            HttpStatusCode.BadRequest, "sectors");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers",
            new { username = "nip.salah", fullName = "Nip Salah", nip = "199013452015031001", email = "nip@purwakartakab.go.id", roles = new[] { "BackOffice" } }, admin),
            HttpStatusCode.BadRequest, "nip");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers",
            new { username = "peran.aneh", fullName = "Peran Aneh", email = "peran@purwakartakab.go.id", roles = new[] { "Applicant" } }, admin),
            HttpStatusCode.BadRequest, "roles");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/officers",
            new { username = "frontoffice", fullName = "Kembar", email = "kembar@purwakartakab.go.id", roles = new[] { "FrontOffice" } }, admin),
            HttpStatusCode.Conflict, "username");
        await PtspClient.ExpectProblem(await ptsp.Api.PostRawAsync("/api/v1/officers", "{\"roles\": 5}", admin), HttpStatusCode.BadRequest);
        await PtspClient.ExpectProblem(await ptsp.Api.SendAsync(HttpMethod.Put, $"/api/v1/officers/{Guid.NewGuid()}",
            JsonContent.Create(new { fullName = "Siapa", email = "siapa@purwakartakab.go.id", roles = new[] { "FrontOffice" } }), admin), HttpStatusCode.NotFound);

        Assert.Equal(before, (await ListAsync(admin)).Count);
    }

    [Fact]
    public async Task The_administrator_resets_an_officers_password_which_ends_the_old_session()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var (officerId, token, username) = await ActiveOfficerAsync(admin, new { fullName = "Rina Marlina", roles = new[] { "TechnicalTeam" } });
        var email = (await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/officers/{officerId}", admin)))["email"]!.GetValue<string>();

        await PtspClient.Expect(await ptsp.Api.PostAsync($"/api/v1/officers/{officerId}/password-reset", null, admin), HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(() => Task.FromResult(ptsp.Mail.CredentialMails(email).Count == 2));
        var reset = ptsp.Mail.CredentialMails(email).Single(m => m.Subject!.Contains("diatur ulang"));
        var password = Regex.Match(reset.TextBody!, "Password: (\\S+)").Groups[1].Value;
        var login = await ptsp.Api.LoginAsync(username, password);
        Assert.True(login["mustChangePassword"]!.GetValue<bool>());
        await Eventually.HoldsAsync(async () => (await ptsp.Api.GetAsync("/api/v1/tasks", token)).StatusCode == HttpStatusCode.Unauthorized);
    }

    /// <summary>Creates an officer (random username and address), reads the one-time password from the email, replaces it.</summary>
    async Task<(Guid Id, string Token, string Username)> ActiveOfficerAsync(string admin, object fields)
    {
        var username = $"petugas.{Guid.NewGuid():N}"[..20];
        var email = $"{username}@purwakartakab.go.id";
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(fields))!.AsObject();
        body["username"] = username;
        body["email"] = email;
        var created = await ptsp.Api.SendAsync(HttpMethod.Post, "/api/v1/officers", JsonContent.Create(body), admin);
        await PtspClient.Expect(created, HttpStatusCode.Accepted);
        var id = (await PtspClient.Json(created))["officerId"]!.GetValue<Guid>();

        var (mailedUsername, password, mail) = await ptsp.Mail.CredentialsAsync(email);
        Assert.Equal(username, mailedUsername);
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        var first = await ptsp.Api.LoginAsync(username, password);
        Assert.True(first["mustChangePassword"]!.GetValue<bool>());
        await PtspClient.Expect(await ptsp.Api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = NewPassword },
            first["accessToken"]!.GetValue<string>()), HttpStatusCode.NoContent);
        return (id, await ptsp.Api.TokenAsync(username, NewPassword), username);
    }

    async Task<(string Token, string Email)> ApplicantAsync()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var applicant = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Nur Aini");
        return (applicant.Token, applicant.Email);
    }

    async Task<List<Guid>> TaskIdsAsync(string token)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/tasks", token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(t => t!["applicationId"]!.GetValue<Guid>()).ToList();
    }

    async Task<JsonArray> ListAsync(string admin)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/officers", admin);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    public static JsonObject Claims(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!.AsObject();
    }

    static List<string> Roles(JsonObject claims) => claims["role"] switch
    {
        JsonArray many => many.Select(r => r!.GetValue<string>()).ToList(),
        JsonNode one => [one.GetValue<string>()],
        _ => [],
    };
}

/// <summary>Polls a condition that becomes true asynchronously (events, emails).</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("The condition did not hold within 15 s.");
            await Task.Delay(100);
        }
    }
}
