using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// A session that ends while a form is open (the cookie expires with its token, so the browser stops sending it): sending the
/// form asks to sign in, and signing in returns to the form's page, not to an error (issue 9).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SessionEndTests(WebFixture web)
{
    [Fact]
    public async Task A_form_sent_after_the_session_ended_asks_to_sign_in_and_returns_to_the_form()
    {
        var (username, password) = await web.ApplicantAsync();
        var page = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(page, username, password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
        await page.GotoAsync("/permohonan/baru/data-usaha?jenis=REKLAME");
        await page.GetByLabel("Nama usaha").FillAsync("CV Sesi Berakhir");

        await page.Context.ClearCookiesAsync(new() { Name = "ptsp_sesi" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan lanjut ke dokumen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/masuk\\?ReturnUrl=%2Fpermohonan%2Fbaru%2Fdata-usaha%3Fjenis%3DREKLAME$"));
        await WebFixture.CheckPageAsync(page, "57-sesi-berakhir-masuk", 360);

        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/permohonan/baru/data-usaha\\?jenis=REKLAME$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data usaha");
        // Nothing was made by the refused post: the applicant's list is still empty.
        await page.GotoAsync("/permohonan");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("CV Sesi Berakhir");
    }
}
