using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Ptsp.Bench;

/// <summary>The SOP as API calls; each officer action is timed until the next step is visible to whoever acts next.</summary>
public sealed class Api(HttpClient http, PushWatcher push)
{
    public static readonly (string User, string Role)[] Officers =
        [("frontoffice", "FrontOffice"), ("backoffice", "BackOffice"), ("teknis", "TechnicalTeam"), ("kasi", "SectionHead"), ("kabid", "DivisionHead"), ("kepala", "AgencyHead")];

    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public async Task<string> LoginAsync(string username, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Steps 1–3 for one applicant; returns their token.</summary>
    public async Task<string> ActiveApplicantAsync(string frontOffice, string mailDirectory, int n)
    {
        var email = $"bench{n}.{Guid.NewGuid():N}@contoh.co.id";
        var nik = $"32140155059{n % 10}{Random.Shared.Next(1, 9999):D4}";
        var registered = await http.PostAsJsonAsync("/api/v1/registrations",
            new { fullName = $"Pemohon Uji {(char)('A' + n % 26)}", nik, email, phone = "081234567890", address = "Jl. Veteran 1, Purwakarta" });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["registrationId"]!.GetValue<Guid>();
        await Until(async () => (await Send(HttpMethod.Post, $"/api/v1/registrations/{id}/approve", frontOffice, null)).IsSuccessStatusCode);

        string? username = null, password = null;
        await Until(() =>
        {
            foreach (var file in Directory.Exists(mailDirectory) ? Directory.GetFiles(mailDirectory, "*.eml") : [])
            {
                var text = File.ReadAllText(file);
                if (!text.Contains(email, StringComparison.OrdinalIgnoreCase) || !text.Contains("Password: ", StringComparison.Ordinal))
                    continue;
                var lines = text.Split('\n').Select(l => l.Trim()).ToList();
                username = lines.First(l => l.StartsWith("Username: ", StringComparison.Ordinal))[10..];
                password = lines.First(l => l.StartsWith("Password: ", StringComparison.Ordinal))[10..];
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        });
        var first = await LoginAsync(username!, password!);
        (await Send(HttpMethod.Post, "/api/v1/auth/password", first, JsonContent.Create(new { currentPassword = password, newPassword = "PemohonBench2026" })))
            .EnsureSuccessStatusCode();
        return await LoginAsync(username!, "PemohonBench2026");
    }

    /// <summary>One research permit (meeting review, three documents) from draft to Issued; returns its id and the action latencies in ms.</summary>
    public async Task<(Guid Id, List<double> Latencies)> RunPermitAsync(string applicant, IReadOnlyDictionary<string, string> o)
    {
        var latencies = new List<double>();
        var created = await Send(HttpMethod.Post, "/api/v1/applications", applicant,
            JsonContent.Create(new { permitTypeCode = "PENELITIAN", businessName = "Lembaga Kajian", businessAddress = "Purwakarta", description = "Penelitian irigasi" }));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["applicationId"]!.GetValue<Guid>();
        await push.Expect(applicant, id, 3);
        foreach (var code in new[] { "KTP", "SURAT_PENGANTAR", "PROPOSAL" })
        {
            var content = new ByteArrayContent(Pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            (await Send(HttpMethod.Put, $"/api/v1/applications/{id}/documents/{code}", applicant, content)).EnsureSuccessStatusCode();
        }

        await Act(id, "submit", applicant, new { }, o["FrontOffice"], 4, latencies);
        await Act(id, "completeness", o["FrontOffice"], new { complete = true }, o["BackOffice"], 5, latencies);
        await Act(id, "technical-data", o["BackOffice"], new
        {
            data = new Dictionary<string, string> { ["topik"] = "irigasi" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), location = "Aula" },
        }, o["TechnicalTeam"], 6, latencies);
        await Act(id, "technical-recommendation", o["TechnicalTeam"], new { recommendation = "Approve", notes = "Layak" }, o["BackOffice"], 7, latencies);
        await Act(id, "draft", o["BackOffice"], new { kind = "Permit", body = "Memberikan izin penelitian." }, o["SectionHead"], 8, latencies);
        await Act(id, "verification", o["SectionHead"], new { approve = true }, o["DivisionHead"], 9, latencies);
        await Act(id, "verification", o["DivisionHead"], new { approve = true }, o["AgencyHead"], 10, latencies);
        await Act(id, "signature", o["AgencyHead"], new { approve = true }, applicant, null, latencies);
        return (id, latencies);
    }

    /// <summary>The application as a reader sees it (<c>GET /api/v1/applications/{id}</c>).</summary>
    public async Task<JsonObject> ApplicationAsync(string reader, Guid id)
    {
        using var response = await Send(HttpMethod.Get, $"/api/v1/applications/{id}", reader, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    async Task Act(Guid id, string action, string actor, object body, string next, int? step, List<double> latencies)
    {
        // Visible means: the move reached the push stream of whoever acts next (their worklist, or the applicant's page).
        var visible = push.Expect(next, id, step);
        var clock = Stopwatch.StartNew();
        var response = await Send(HttpMethod.Post, $"/api/v1/applications/{id}/{action}", actor, JsonContent.Create(body));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await visible;
        latencies.Add(clock.Elapsed.TotalMilliseconds);
    }

    async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    static async Task Until(Func<Task<bool>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The next step did not become visible within 60 s.");
            await Task.Delay(10);
        }
    }
}
