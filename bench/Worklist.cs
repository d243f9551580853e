using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ptsp.Bench;

/// <summary>
/// <c>--worklist N</c>: the all-in-one host on SQLite (pages at /, API at /api/v1), N submitted applications put on the
/// front office's desk through the public API (as N applicants would), then the front office's "Tugas saya" page
/// rendered <c>--requests R</c> times through a real signed-in session: p50/p95 of the full page.
/// </summary>
public static partial class WorklistBench
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static async Task<int> RunAsync(string root, string[] args, BenchOptions options)
    {
        var files = int.Parse(Value(args, "--worklist") ?? "1000", CultureInfo.InvariantCulture);
        var requests = int.Parse(Value(args, "--requests") ?? "30", CultureInfo.InvariantCulture);
        await using var host = await EmbeddedHost.StartAsync(root, options);
        var baseAddress = host.BaseAddress;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        Console.WriteLine($"All-in-one host {baseAddress}; {files} files for the front office, {requests} renders of /tugas");

        using var streams = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        await using var push = new PushWatcher(streams);
        var api = new Api(http, push);
        var frontOffice = await api.LoginAsync("frontoffice", options.OfficerPassword);
        var applicants = new List<string>();
        for (var i = 0; i < options.Applicants; i++)
            applicants.Add(await api.ActiveApplicantAsync(frontOffice, host.MailDirectory, i));

        // N applications submitted (created, three documents, submitted): each lands at step 4 on the front office's desk.
        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(options.Concurrency);
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, files).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await SubmitAsync(http, applicants[i % applicants.Count], i);
                if (Interlocked.Increment(ref done) % 100 == 0)
                    Console.WriteLine($"  {done} submitted ({clock.Elapsed.TotalSeconds:F0} s)");
            }
            finally
            {
                gate.Release();
            }
        }));
        var open = await WaitForTasksAsync(http, frontOffice, files);
        Console.WriteLine($"{open} open files on the front office's worklist after {clock.Elapsed.TotalSeconds:F0} s");

        // A browser's session: the sign-in form with its antiforgery token, then the worklist page.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(300) };
        await SignInAsync(browser, "frontoffice", options.OfficerPassword);

        var times = new List<double>();
        var rows = 0;
        long bytes = 0;
        for (var i = 0; i <= requests; i++)
        {
            var render = Stopwatch.StartNew();
            using var response = await browser.GetAsync("/tugas");
            var html = await response.Content.ReadAsStringAsync();
            render.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<h1>Tugas saya</h1>", StringComparison.Ordinal))
                throw new InvalidOperationException($"/tugas answered {(int)response.StatusCode}, not the worklist.");
            if (i == 0)
                continue; // the first render warms the page's compiled view and caches up
            times.Add(render.Elapsed.TotalMilliseconds);
            rows = Regex.Count(html, "<a href=\"/tugas/[0-9a-f-]{36}\">");
            bytes = html.Length;
        }

        times.Sort();
        double P(double p) => times[Math.Max(0, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"/tugas with {open} open files ({rows} rows a page, {bytes / 1024} KiB of HTML): " +
                          $"p50 {P(0.5):F0} ms, p95 {P(0.95):F0} ms, max {times[^1]:F0} ms over {times.Count} renders");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY worklist open={open} rows={rows} renders={times.Count} p50={P(0.5):F0}ms p95={P(0.95):F0}ms max={times[^1]:F0}ms"));
        return 0;
    }

    static async Task SubmitAsync(HttpClient http, string applicant, int n)
    {
        var created = await Send(http, HttpMethod.Post, "/api/v1/applications", applicant, JsonContent.Create(new
        {
            permitTypeCode = "PENELITIAN", businessName = $"Lembaga Kajian {n:D4}", businessAddress = "Purwakarta", description = "Penelitian irigasi",
        }));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["applicationId"]!.GetValue<Guid>();
        foreach (var code in new[] { "KTP", "SURAT_PENGANTAR", "PROPOSAL" })
        {
            var content = new ByteArrayContent(Pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            await Retry(() => Send(http, HttpMethod.Put, $"/api/v1/applications/{id}/documents/{code}", applicant, content));
        }

        await Retry(() => Send(http, HttpMethod.Post, $"/api/v1/applications/{id}/submit", applicant, null));
    }

    /// <summary>The application becomes writable a moment after 201 (the draft is created by Workflow): retry 404/409 briefly.</summary>
    static async Task Retry(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await send();
                return;
            }
            catch (HttpRequestException e) when (attempt < 100 && e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                await Task.Delay(100);
            }
        }
    }

    static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", null, response.StatusCode);
        return response;
    }

    static async Task<int> WaitForTasksAsync(HttpClient http, string frontOffice, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", frontOffice);
            using var response = await http.SendAsync(request);
            var count = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count(t => t!["step"]!.GetValue<int>() == 4);
            if (count >= expected || DateTime.UtcNow > deadline)
                return count;
            await Task.Delay(500);
        }
    }

    static async Task SignInAsync(HttpClient browser, string username, string password)
    {
        var form = await browser.GetStringAsync("/masuk");
        var token = AntiforgeryField().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        using var answer = await browser.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Username"] = username, ["Password"] = password, ["ReturnUrl"] = "/tugas",
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in to the web application answered {(int)answer.StatusCode}.");
    }

    static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
