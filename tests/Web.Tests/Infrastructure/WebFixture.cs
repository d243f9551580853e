using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.Web.Tests.Infrastructure;

/// <summary>
/// The real all-in-one host (pages at /, API at /api/v1) started as a process, and Debian's chromium driven by
/// Playwright. Screenshots of every page visited go to the test output's screenshots folder.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string OfficerPassword = "Petugas-Uji-2026";
    public const string Chromium = "/usr/bin/chromium";

    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-web-").FullName;
    ServiceProcess? _host;
    IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public PtspClient Api { get; private set; } = null!;

    public MailPickup Mail => new(Path.Combine(_directory, "mail"));

    public string BaseUrl => _host!.BaseAddress.ToString().TrimEnd('/');

    /// <summary>The host's SQLite files (one per service, e.g. workflow.db), for tests that make a real fault by damaging a stored record.</summary>
    public string DataDirectory => Path.Combine(_directory, "data");

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Screenshots are for people to look at, not asserted: taken unless <c>PTSP_SCREENSHOTS=0</c>. <c>scripts/test.sh</c>
    /// sets 0 unless told otherwise, because a full-page PNG of every checked page cost the embedded walk 15 of its 87 s.
    /// </summary>
    public static bool TakeScreenshots { get; } = Environment.GetEnvironmentVariable("PTSP_SCREENSHOTS") != "0";

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>(PtspClient.RaisedRateLimits)
        {
            ["Storage__Sqlite__Directory"] = DataDirectory,
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Seed__OfficerPassword"] = OfficerPassword,
        };
        _host = ServiceProcess.Start("AllInOne", environment, Path.Combine(_directory, "logs"));
        await _host.WaitReadyAsync(TimeSpan.FromSeconds(90));
        Api = new PtspClient(_host.BaseAddress);

        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium (scripts/test.sh installs it).");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>A fresh browser context (no cookies) of the given width; Indonesian locale, Jakarta time.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    /// <summary>What every page of the walk must satisfy: no serious or critical axe violation (then a screenshot, if taken).</summary>
    public static async Task CheckPageAsync(IPage page, string name, int? maxWidth = null)
    {
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}): " + string.Join("\n", violations));
        if (maxWidth is { } width)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{name} ({page.Url}) scrolls sideways: {scrollWidth}px wide in a {width}px window.");
        }

        if (TakeScreenshots)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    /// <summary>Step 2 by the API, as the front office would at its counter: approves the pending registration of this email.</summary>
    public async Task ApproveRegistrationAsync(string email)
    {
        var token = await Api.TokenAsync("frontoffice", OfficerPassword);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await Api.GetAsync("/api/v1/registrations?status=Pending", token);
            await PtspClient.Expect(response, HttpStatusCode.OK);
            var pending = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            if (pending.FirstOrDefault(r => r!["email"]!.GetValue<string>() == email) is { } found)
            {
                await PtspClient.Expect(await Api.PostAsync($"/api/v1/registrations/{found["registrationId"]}/approve", null, token), HttpStatusCode.Accepted);
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The registration of {email} did not reach the front office's list.");
    }

    /// <summary>An applicant who has registered, been approved and replaced the one-time password (all through the API).</summary>
    public async Task<(string Username, string Password)> ApplicantAsync()
    {
        var applicant = PtspClient.NewApplicant();
        await Api.RegisterAsync(applicant);
        await ApproveRegistrationAsync(applicant.Email);
        var (username, oneTime, _) = await Mail.CredentialsAsync(applicant.Email);
        const string password = "Kata-Sandi-Baru-2026";
        var token = await Api.TokenAsync(username, oneTime);
        await PtspClient.Expect(await Api.PostAsync("/api/v1/auth/password", new { currentPassword = oneTime, newPassword = password }, token),
            HttpStatusCode.NoContent);
        return (username, password);
    }

    /// <summary>A submitted application for a Reklame permit, with all its documents (through the API), waiting for step 4.</summary>
    public async Task<Guid> SubmittedApplicationAsync(string username, string password, string businessName)
    {
        var token = await Api.TokenAsync(username, password);
        var created = await Api.PostAsync("/api/v1/applications", new
        {
            permitTypeCode = "REKLAME", businessName, businessAddress = "Jl. Veteran No. 5, Purwakarta",
            description = "Papan reklame 4 x 6 m di persimpangan Jl. Veteran.",
        }, token);
        await PtspClient.Expect(created, HttpStatusCode.Created);
        var id = (await PtspClient.Json(created))["applicationId"]!.GetValue<Guid>();
        foreach (var code in new[] { "KTP", "NPWP", "DESAIN_REKLAME", "DENAH_LOKASI", "IZIN_PEMILIK_LAHAN" })
        {
            var content = new ByteArrayContent(SampleFiles.Pdf(code));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            await PtspClient.Expect(await Api.SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}/documents/{code}", content, token), HttpStatusCode.Created);
        }

        await PtspClient.Expect(await Api.PostAsync($"/api/v1/applications/{id}/submit", null, token), HttpStatusCode.Accepted);
        return id;
    }

    public static async Task SignInAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("/masuk");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }

    /// <summary>Reloads until the text shows: what the API accepted (202) becomes readable within a moment.</summary>
    public static async Task ReloadUntilAsync(IPage page, ILocator locator, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await locator.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{locator} did not appear on {page.Url}.");
            await Task.Delay(300);
            await page.ReloadAsync();
        }
    }

    public string HostLog() => _host?.Tail(60) ?? "";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}
