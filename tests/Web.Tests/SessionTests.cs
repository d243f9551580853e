using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// The session across a restart of the host (its own, since it restarts it): the keys in the data folder keep a
/// session valid. A token the API no longer accepts (401: the password was changed elsewhere, which ends older sessions)
/// ends it and asks to sign in again, back to the page.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-web-session-").FullName;
    readonly int _port = ServiceProcess.FreePort();
    ServiceProcess? _host;
    IPlaywright? _playwright;
    IBrowser? _browser;

    [Fact]
    public async Task A_session_survives_a_restart_and_a_refused_token_leads_back_to_sign_in_and_to_the_page()
    {
        var (username, password) = await ApplicantAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{_port}", Locale = "id-ID" });
        var page = await context.NewPageAsync();
        await WebFixture.SignInAsync(page, username, password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "ptsp_sesi");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        // It ends with the token (8 hours), not with the browser.
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires).ToUniversalTime(), DateTimeOffset.UtcNow.AddHours(7), DateTimeOffset.UtcNow.AddHours(9));

        await RestartAsync();
        await page.GotoAsync("/permohonan");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");

        // The password changed on another device: from then on the API refuses the token in the cookie (401).
        const string changed = "Kata-Sandi-Lain-2027";
        using (var api = new PtspClient(_host!.BaseAddress))
        {
            var elsewhere = await api.TokenAsync(username, password);
            await PtspClient.Expect(await api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = changed }, elsewhere),
                System.Net.HttpStatusCode.NoContent);
        }

        var signIn = new Regex("/masuk\\?ReturnUrl=%2Fpermohonan$");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await page.GotoAsync("/permohonan");
        }
        while (!signIn.IsMatch(page.Url) && DateTime.UtcNow < deadline);
        await Assertions.Expect(page).ToHaveURLAsync(signIn);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "ptsp_sesi");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(changed);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/permohonan$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
    }

    async Task<(string, string)> ApplicantAsync()
    {
        using var api = new PtspClient(_host!.BaseAddress);
        var applicant = PtspClient.NewApplicant();
        var id = await api.RegisterAsync(applicant);
        var frontOffice = await api.TokenAsync("frontoffice", WebFixture.OfficerPassword);
        await api.WaitForPendingAsync(id, frontOffice);
        await PtspClient.Expect(await api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOffice), System.Net.HttpStatusCode.Accepted);
        var (username, oneTime, _) = await new MailPickup(Path.Combine(_directory, "mail")).CredentialsAsync(applicant.Email);
        const string password = "Kata-Sandi-Baru-2026";
        var token = await api.TokenAsync(username, oneTime);
        await PtspClient.Expect(await api.PostAsync("/api/v1/auth/password", new { currentPassword = oneTime, newPassword = password }, token),
            System.Net.HttpStatusCode.NoContent);
        return (username, password);
    }

    async Task StartAsync()
    {
        var environment = new Dictionary<string, string>(PtspClient.RaisedRateLimits)
        {
            ["Storage__Sqlite__Directory"] = Path.Combine(_directory, "data"),
            ["Mail__PickupDirectory"] = Path.Combine(_directory, "mail"),
            ["Seed__OfficerPassword"] = WebFixture.OfficerPassword,
        };
        _host = ServiceProcess.Start("AllInOne", environment, Path.Combine(_directory, "logs"), _port);
        await _host.WaitReadyAsync(TimeSpan.FromSeconds(90));
    }

    async Task RestartAsync()
    {
        await _host!.DisposeAsync();
        await StartAsync();
    }

    public async Task InitializeAsync()
    {
        await StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = WebFixture.Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
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
