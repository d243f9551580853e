using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>Issue 14 point 5: the administrator reads, filters, downloads and verifies the audit log at /admin/audit.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditLogPageTests(WebFixture web)
{
    [Fact]
    public async Task The_administrator_sees_a_failed_sign_in_filters_it_downloads_the_csv_and_reads_that_the_chain_holds()
    {
        var intruder = $"penyusup{Random.Shared.Next(1000, 9999)}";
        var page = await web.NewPageAsync(1280, 900);
        await WebFixture.SignInAsync(page, intruder, "bukan-kata-sandi");
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToBeVisibleAsync();

        await WebFixture.SignInAsync(page, "admin", WebFixture.OfficerPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Log audit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Log audit");
        await Assertions.Expect(page.Locator("#hasil-verifikasi")).ToContainTextAsync("Rantai log utuh");

        await page.GetByLabel("Username").FillAsync(intruder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"pengguna={intruder}"));
        await WebFixture.ReloadUntilAsync(page, page.Locator("#log-audit tbody tr"));
        var row = page.Locator("#log-audit tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(intruder);
        await Assertions.Expect(row).ToContainTextAsync("Masuk");
        await Assertions.Expect(row).ToContainTextAsync("Ditolak (401)");
        await Assertions.Expect(row).ToContainTextAsync("127.0.0.1");
        await WebFixture.CheckPageAsync(page, "80-log-audit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Unduh CSV") }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("sequence,at,username,role,action", csv[0]);
        Assert.Contains(csv.Skip(1), l => l.Contains($",{intruder},,POST auth/login,") && l.Contains(",401,Refused,"));

        // A bad date is said next to its field, not a failure.
        await page.GotoAsync("/admin/audit?dari=1900-01-01");
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("Isi tanggal awal dengan benar");

        var phone = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(phone, "admin", WebFixture.OfficerPassword);
        await phone.GotoAsync("/admin/audit");
        await Assertions.Expect(phone.Locator("#log-audit tbody tr").First).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(phone, "81-log-audit-360", 360);
    }

    [Fact]
    public async Task An_officer_who_is_not_the_administrator_is_not_allowed()
    {
        var page = await web.NewPageAsync(1280, 900);
        await WebFixture.SignInAsync(page, "kasi", WebFixture.OfficerPassword);
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Log audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log audit" })).ToHaveCountAsync(0);
    }
}
