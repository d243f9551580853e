using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>Issue 14, points 6 and 7 in the all-in-one host: internal endpoints, headers, sessions, unsafe files, idempotent creation.</summary>
public sealed class GuardTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task The_internal_file_endpoints_are_not_on_the_public_listener_nor_in_the_openapi_document()
    {
        var (token, id) = await DraftAsync();
        var internalPaths = new[]
        {
            $"/internal/intake/applications/{id}/receipt",
            $"/internal/intake/applications/{id}/documents/KTP",
            $"/internal/technical/applications/{id}/inspection-report",
            $"/internal/signing/applications/{id}/decision",
            $"/internal/signing/applications/{id}/draft",
        };
        foreach (var path in internalPaths)
        {
            await PtspClient.ExpectProblem(await ptsp.Api.GetAsync(path, token), HttpStatusCode.NotFound);
            using var guessed = new HttpRequestMessage(HttpMethod.Get, path);
            guessed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            guessed.Headers.Add("X-Ptsp-Service-Key", "geraten-saja-1234567890");
            using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(guessed)).StatusCode);
        }

        // The once-anonymous verification endpoint too; the public one, through the Gateway, still answers.
        var pdf = new ByteArrayContent(SampleFiles.Pdf());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await PtspClient.ExpectProblem(await ptsp.Api.SendAsync(HttpMethod.Post, "/internal/signing/verify", pdf, null), HttpStatusCode.NotFound);
        var publicPdf = new ByteArrayContent(SampleFiles.Pdf());
        publicPdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        Assert.NotEqual(HttpStatusCode.NotFound, (await ptsp.Api.SendAsync(HttpMethod.Post, "/api/v1/verify", publicPdf, null)).StatusCode);

        // The Gateway itself still streams files to them.
        await PtspClient.Expect(await ptsp.Api.PutFileAsync($"/api/v1/applications/{id}/documents/KTP", SampleFiles.Pdf("KTP"), "application/pdf", token),
            HttpStatusCode.Created);
        Assert.Equal(SampleFiles.Pdf("KTP"), await (await ptsp.Api.GetAsync($"/api/v1/applications/{id}/documents/KTP", token)).Content.ReadAsByteArrayAsync());

        var openapi = await (await ptsp.Api.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/applications", openapi);
        Assert.DoesNotContain("/internal", openapi);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_pages_a_strict_content_security_policy()
    {
        foreach (var path in new[] { "/api/v1/permit-types", "/api/v1/tidak-ada", "/health/live", "/openapi/v1.json" })
        {
            var response = await ptsp.Api.GetAsync(path);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        }

        var page = await ptsp.Api.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = Header(page, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_password_change_ends_the_accounts_older_sessions()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var (username, old, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Yulia Rahmawati");
        var other = await ptsp.Api.TokenAsync(username, "PemohonUji2026");
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/applications", old), HttpStatusCode.OK);

        await PtspClient.Expect(await ptsp.Api.PostAsync("/api/v1/auth/password", new { currentPassword = "PemohonUji2026", newPassword = "PemohonBaru2027" }, old),
            HttpStatusCode.NoContent);

        await Eventually.HoldsAsync(async () => (await ptsp.Api.GetAsync("/api/v1/applications", old)).StatusCode == HttpStatusCode.Unauthorized);
        var expired = await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/applications", other), HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", expired["detail"]!.GetValue<string>());
        var fresh = await ptsp.Api.TokenAsync(username, "PemohonBaru2027");
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/applications", fresh), HttpStatusCode.OK);
        // The old password no longer signs in.
        // Said as the sign-in page says it, without the advice about a token that belongs to other 401s.
        var refused = await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/login", new { username, password = "PemohonUji2026" }),
            HttpStatusCode.Unauthorized);
        Assert.Equal("Username atau kata sandi salah.", refused["title"]!.GetValue<string>());
        Assert.Null(refused["detail"]);
    }

    [Fact]
    public async Task A_pdf_with_active_content_or_a_polyglot_is_refused_with_a_clear_message_and_nothing_is_kept()
    {
        var (token, id) = await DraftAsync();
        var path = $"/api/v1/applications/{id}/documents/KTP";
        var scripted = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(SampleFiles.Pdf("KTP"))
            .Replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert\\(1\\)) >>"));
        var refused = await PtspClient.ExpectProblem(await ptsp.Api.PutFileAsync(path, scripted, "application/pdf", token), HttpStatusCode.BadRequest);
        Assert.Contains("konten aktif (JavaScript)", refused.Get<string>("title"));
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync(path, token), HttpStatusCode.NotFound);

        byte[] zipBehind = [.. SampleFiles.Png, .. new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }];
        var polyglot = await PtspClient.ExpectProblem(await ptsp.Api.PutFileAsync(path, zipBehind, "image/png", token), HttpStatusCode.BadRequest);
        Assert.Contains("poliglot", polyglot.Get<string>("title"));
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync(path, token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_repeated_create_with_the_same_idempotency_key_returns_the_same_draft()
    {
        var (token, _) = await DraftAsync();
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var (_, otherApplicant, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Bambang Pamungkas");
        var key = Guid.NewGuid().ToString();
        var countBefore = await CountAsync(token);

        var first = await CreateAsync(token, key, "REKLAME");
        await PtspClient.Expect(first, HttpStatusCode.Created);
        var repeat = await CreateAsync(token, key, "REKLAME");
        await PtspClient.Expect(repeat, HttpStatusCode.Created);
        var id = (await PtspClient.Json(first)).Get<Guid>("applicationId");
        Assert.Equal(id, (await PtspClient.Json(repeat)).Get<Guid>("applicationId"));
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        // The list is Workflow's, told by an event: wait until the draft is listed, then count.
        await ListedAsync(token, id);
        Assert.Equal(countBefore + 1, await CountAsync(token));

        // Another applicant's same key is their own draft.
        var theirs = await CreateAsync(otherApplicant, key, "REKLAME");
        await PtspClient.Expect(theirs, HttpStatusCode.Created);
        Assert.NotEqual(id, (await PtspClient.Json(theirs)).Get<Guid>("applicationId"));

        // A key reused for another permit type is a client's mistake; a malformed key is refused by field.
        await PtspClient.ExpectProblem(await CreateAsync(token, key, "PENELITIAN"), HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await CreateAsync(token, "ada spasi", "REKLAME"), HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(countBefore + 1, await CountAsync(token));
        // Without a key every request is a new draft, as before.
        var keyless = await CreateAsync(token, null, "REKLAME");
        await PtspClient.Expect(keyless, HttpStatusCode.Created);
        await ListedAsync(token, (await PtspClient.Json(keyless)).Get<Guid>("applicationId"));
        Assert.Equal(countBefore + 2, await CountAsync(token));
    }

    async Task<HttpResponseMessage> CreateAsync(string token, string? key, string permitTypeCode)
    {
        var body = System.Net.Http.Json.JsonContent.Create(new
        {
            permitTypeCode,
            businessName = "CV Sumber Rejeki",
            businessAddress = "Jl. Veteran No. 1, Purwakarta",
            description = "Perdagangan eceran.",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Waits (at most 30 s) until the applicant's list shows the draft; fails if it never does.</summary>
    async Task ListedAsync(string token, Guid id)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await ptsp.Api.GetAsync("/api/v1/applications", token);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var listed = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray()
                .Any(a => a!["applicationId"]!.GetValue<Guid>() == id);
            if (listed)
                return;
            Assert.True(DateTime.UtcNow < until, $"Draft {id} was not listed within 30 s.");
            await Task.Delay(50);
        }
    }

    async Task<int> CountAsync(string token)
    {
        var response = await ptsp.Api.GetAsync("/api/v1/applications", token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count;
    }

    async Task<(string Token, Guid Id)> DraftAsync()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var (_, token, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Rudi Hartono");
        return (token, await ptsp.Api.CreateApplicationAsync(token, "REKLAME"));
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}

/// <summary>Abuse limits per client address (issue 14, point 6): 429 problem details with Retry-After, each limit configurable.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitsPtsp ptsp) : IClassFixture<RateLimitTests.LowLimitsPtsp>
{
    public sealed class LowLimitsPtsp : InProcessPtsp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "3");
            builder.UseSetting("RateLimits:Registration:PermitLimit", "2");
            builder.UseSetting("RateLimits:Verification:PermitLimit", "2");
            builder.UseSetting("RateLimits:Api:PermitLimit", "10");
            foreach (var name in new[] { "SignIn", "Registration", "Verification", "Api" })
                builder.UseSetting($"RateLimits:{name}:WindowSeconds", "600");
        }
    }

    /// <summary>Each test is its own visitor: the web application names its visitor in X-Forwarded-For, believed from loopback.</summary>
    HttpClient Visitor(string address)
    {
        var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_get_a_429_problem_with_retry_after_and_others_still_sign_in()
    {
        using var visitor = Visitor("203.0.113.10");
        for (var i = 0; i < 3; i++)
            await PtspClient.ExpectProblem(await visitor.PostAsync("/api/v1/auth/login", Json(new { username = $"tidak-ada-{i}", password = "salah-sekali-1" })),
                HttpStatusCode.Unauthorized);
        var refused = await visitor.PostAsync("/api/v1/auth/login", Json(new { username = "frontoffice", password = InProcessPtsp.OfficerPassword }));
        await ExpectLimited(refused, "percobaan masuk");
        // The reset link counts as signing in too.
        await ExpectLimited(await visitor.PostAsync("/api/v1/auth/password-reset", Json(new { email = "x@example.com" })), "percobaan masuk");

        using var neighbour = Visitor("203.0.113.11");
        await PtspClient.Expect(await neighbour.PostAsync("/api/v1/auth/login", Json(new { username = "frontoffice", password = InProcessPtsp.OfficerPassword })),
            HttpStatusCode.OK);
    }

    [Fact]
    public async Task Too_many_registrations_from_one_address_get_a_429()
    {
        using var visitor = Visitor("203.0.113.20");
        for (var i = 0; i < 2; i++)
            await PtspClient.ExpectProblem(await visitor.PostAsync("/api/v1/registrations", Json(new { fullName = "" })), HttpStatusCode.BadRequest);
        await ExpectLimited(await visitor.PostAsync("/api/v1/registrations", Json(PtspClient.NewApplicant())), "pendaftaran akun");
    }

    [Fact]
    public async Task Too_many_verification_uploads_from_one_address_get_a_429()
    {
        using var visitor = Visitor("203.0.113.30");
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await visitor.PostAsync("/api/v1/verify", Pdf())).StatusCode);
        await ExpectLimited(await visitor.PostAsync("/api/v1/verify", Pdf()), "verifikasi");
    }

    [Fact]
    public async Task Too_many_api_requests_from_one_address_get_a_429_but_pages_and_health_are_not_counted()
    {
        using var visitor = Visitor("203.0.113.40");
        for (var i = 0; i < 10; i++)
            await PtspClient.Expect(await visitor.GetAsync("/api/v1/permit-types"), HttpStatusCode.OK);
        await ExpectLimited(await visitor.GetAsync("/api/v1/permit-types"), "dalam waktu singkat");
        await PtspClient.Expect(await visitor.GetAsync("/health/live"), HttpStatusCode.OK);

        using var neighbour = Visitor("203.0.113.41");
        await PtspClient.Expect(await neighbour.GetAsync("/api/v1/permit-types"), HttpStatusCode.OK);
    }

    static async Task ExpectLimited(HttpResponseMessage response, string detail)
    {
        var problem = await PtspClient.ExpectProblem(response, HttpStatusCode.TooManyRequests);
        Assert.Contains("Terlalu banyak permintaan", problem.Get<string>("title"));
        Assert.Contains(detail, problem.Get<string>("detail"));
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
    }

    static HttpContent Json(object body) => System.Net.Http.Json.JsonContent.Create(body);

    static HttpContent Pdf()
    {
        var content = new ByteArrayContent(SampleFiles.Pdf());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}

/// <summary>Issue 14, point 7: a service that cannot be reached is a 503 with Retry-After, never a 500.</summary>
public sealed class UnreachableServiceTests(UnreachableServiceTests.IntakeDownPtsp ptsp) : IClassFixture<UnreachableServiceTests.IntakeDownPtsp>
{
    public sealed class IntakeDownPtsp : InProcessPtsp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Intake's file endpoints "moved" to a port where nothing listens: as if its process had just been killed.
            builder.UseSetting("Services:Intake:Url", $"http://127.0.0.1:{ClosedPort()}");
        }

        static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Fact]
    public async Task A_download_or_upload_whose_service_is_down_answers_503_with_retry_after()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var (_, applicant, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Hendra Gunawan");
        var id = await ptsp.Api.CreateApplicationAsync(applicant, "REKLAME");

        foreach (var response in new[]
                 {
                     await ptsp.Api.GetAsync($"/api/v1/applications/{id}/receipt", applicant),
                     await ptsp.Api.PutFileAsync($"/api/v1/applications/{id}/documents/KTP", SampleFiles.Pdf("KTP"), "application/pdf", applicant),
                 })
        {
            var problem = await PtspClient.ExpectProblem(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("coba lagi", problem.Get<string>("detail"));
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
        }
    }
}
