using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class PublicPagesTests(WebFixture web)
{
    [Fact]
    public async Task The_home_page_lists_the_permit_catalogue_with_its_documents_and_review_time()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var reklame = page.Locator("section", new PageLocatorOptions { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Izin Penyelenggaraan Reklame" }) });
        await Assertions.Expect(reklame).ToContainTextAsync("Peninjauan lapangan, 3 hari kerja");
        await reklame.Locator("summary").ClickAsync();
        await Assertions.Expect(reklame.GetByText("Surat persetujuan pemilik lahan/bangunan")).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, "01-beranda");

        await reklame.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Izin Penyelenggaraan Reklame");
        await WebFixture.CheckPageAsync(page, "02-halaman-mulai-izin");
    }

    [Fact]
    public async Task Registration_with_a_bad_NIK_shows_the_error_summary_and_the_message_at_the_field()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/daftar");
        await page.GetByLabel("Nama lengkap").FillAsync("Siti Rahmawati");
        await page.GetByLabel("NIK (Nomor Induk Kependudukan)").FillAsync("32140155");
        await page.GetByLabel("Email").FillAsync($"pemohon.{Guid.NewGuid():N}@contoh.co.id");
        await page.GetByLabel("Nomor telepon").FillAsync("081234567890");
        await page.GetByLabel("Alamat").FillAsync("Jl. Kapten Halim No. 12, Purwakarta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();

        var summary = page.Locator(".ringkasan-galat");
        await Assertions.Expect(summary).ToContainTextAsync("NIK harus terdiri dari 16 digit angka.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "NIK harus terdiri dari 16 digit angka." })).ToHaveAttributeAsync("href", "#nik");
        await Assertions.Expect(page.Locator("#nik-galat")).ToContainTextAsync("NIK harus terdiri dari 16 digit angka.");
        await Assertions.Expect(page.Locator("#nik")).ToHaveAttributeAsync("aria-invalid", "true");
        // What was typed stays, so only the NIK needs fixing.
        await Assertions.Expect(page.GetByLabel("Nama lengkap")).ToHaveValueAsync("Siti Rahmawati");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Galat: "));
        await WebFixture.CheckPageAsync(page, "03-daftar-nik-salah");
    }

    [Fact]
    public async Task The_verification_page_of_an_unknown_number_says_so_in_Indonesian()
    {
        var page = await web.NewPageAsync(360, 780);
        var response = await page.GotoAsync("/verify/PTSP-IZN-2026-999999");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumen tidak ditemukan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("PTSP-IZN-2026-999999 tidak terdaftar");
        await WebFixture.CheckPageAsync(page, "04-verifikasi-tidak-ditemukan", maxWidth: 360);

        // The same from the verification form, and an address that does not exist is a page in Indonesian too.
        await page.GotoAsync("/verifikasi");
        await page.GetByLabel("Nomor dokumen").FillAsync("PTSP-IZN-2026-999998");
        await page.GetByRole(AriaRole.Button, new() { Name = "Periksa nomor" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumen tidak ditemukan");
        response = await page.GotoAsync("/halaman/yang/tidak/ada");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Halaman tidak ditemukan");
        await WebFixture.CheckPageAsync(page, "05-halaman-tidak-ditemukan", maxWidth: 360);
    }

    [Fact]
    public async Task The_API_keeps_answering_problem_details_beside_the_pages()
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var response = await http.GetAsync("/api/v1/tidak-ada");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        response = await http.GetAsync("/api/v1/applications");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
