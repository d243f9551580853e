using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The administrator keeps the year's holidays and special working hours at /admin/kalender (issue 15).</summary>
[Collection(WebCollection.Name)]
public sealed class AdminCalendarPageTests(WebFixture web)
{
    [Fact]
    public async Task The_administrator_adds_a_cuti_bersama_and_Ramadan_hours_and_is_told_what_is_wrong_in_Bahasa_Indonesia()
    {
        // A year far from today, so no running file of the other tests has its due time moved.
        var page = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(page, "admin", WebFixture.OfficerPassword);
        await page.GotoAsync("/admin/kalender?tahun=2031");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kalender kerja 2031");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("07:30–12:00, 13:00–16:00");

        // Nothing filled in: the form says so, next to each field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan hari libur" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("Isi tanggal hari libur.");

        await page.GetByLabel("Tanggal", new() { Exact = true }).FillAsync("2031-12-24");
        await page.Locator("#nama").FillAsync("Cuti bersama Hari Raya Natal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan hari libur" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Hari libur disimpan");
        await Assertions.Expect(page.Locator("#daftar-libur")).ToContainTextAsync("Rabu, 24 Desember 2031");
        await Assertions.Expect(page.Locator("#daftar-libur")).ToContainTextAsync("Cuti bersama Hari Raya Natal");

        // Hours Workflow cannot read come back as its message at the field.
        await page.Locator("#nama-khusus").FillAsync("Ramadan 1452 H");
        await page.Locator("#mulai").FillAsync("2031-11-15");
        await page.Locator("#sampai").FillAsync("2031-12-14");
        await page.Locator("#jam-senin-kamis").FillAsync("15:00-08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan jam kerja khusus" }).ClickAsync();
        await Assertions.Expect(page.Locator("#jam-senin-kamis-galat")).ToContainTextAsync("bukan jam kerja yang valid");

        await page.Locator("#jam-senin-kamis").FillAsync("08:00-12:00,12:30-15:00");
        await page.Locator("#jam-jumat").FillAsync("08:00-11:30,13:00-15:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan jam kerja khusus" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Jam kerja khusus disimpan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ramadan 1452 H");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("08:00–12:00, 12:30–15:00");
        await WebFixture.CheckPageAsync(page, "60-admin-kalender", 360);

        // Removing the holiday is one button, named for what it removes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hapus Cuti bersama Hari Raya Natal" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Entri dihapus");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Cuti bersama Hari Raya Natal");

        // An officer who is not the administrator is not let in.
        var officer = await web.NewPageAsync();
        await WebFixture.SignInAsync(officer, "frontoffice", WebFixture.OfficerPassword);
        await officer.GotoAsync("/admin/kalender");
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("Anda tidak berwenang");
    }
}
