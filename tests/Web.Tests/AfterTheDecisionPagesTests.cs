using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The public tracking page, the agency head's revocation, the verification page of a revoked permit, the survey (issue 11).</summary>
[Collection(WebCollection.Name)]
public sealed class AfterTheDecisionPagesTests(WebFixture web)
{
    [Fact]
    public async Task Anyone_tracks_an_application_from_the_home_page_by_its_receipt_number_without_names()
    {
        var (username, password) = await web.ApplicantAsync();
        var applicant = await web.Api.TokenAsync(username, password);
        var officers = await QuickPermit.OfficersAsync(web.Api, WebFixture.OfficerPassword);
        var (_, receipt) = await QuickPermit.AcceptedAsync(web.Api, applicant, officers);

        var page = await web.NewPageAsync(360, 780);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lacak permohonan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lacak permohonan");
        await page.GetByLabel("Nomor tanda terima").FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lacak" }).ClickAsync();

        var result = page.Locator("#hasil");
        await Assertions.Expect(result.Locator("h2")).ToHaveTextAsync("Kajian teknis");
        await Assertions.Expect(result).ToContainTextAsync("Surat Izin Penelitian");
        await Assertions.Expect(result).ToContainTextAsync("Data teknis dan penjadwalan kajian");
        await Assertions.Expect(page.Locator(".linimasa li")).ToHaveCountAsync(3);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Sinar Cipta", text);
        Assert.DoesNotContain(username, text);
        await WebFixture.CheckPageAsync(page, "61-lacak-permohonan", maxWidth: 360);

        // An unknown number, and an empty one, say so in Indonesian.
        await page.GetByLabel("Nomor tanda terima").FillAsync("503/9999/IZN-REK/DPMPTSP/XI/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lacak" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hasil h2")).ToHaveTextAsync("Nomor tidak ditemukan");
        await page.GetByLabel("Nomor tanda terima").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lacak" }).ClickAsync();
        await Assertions.Expect(page.Locator("#nomor-galat")).ToContainTextAsync("Isi nomor tanda terima.");
    }

    [Fact]
    public async Task The_agency_head_revokes_on_the_file_page_verification_says_DICABUT_and_the_applicant_answers_the_survey()
    {
        var (username, password) = await web.ApplicantAsync();
        var applicant = await web.Api.TokenAsync(username, password);
        var officers = await QuickPermit.OfficersAsync(web.Api, WebFixture.OfficerPassword);
        var (id, _) = await QuickPermit.AcceptedAsync(web.Api, applicant, officers);
        await QuickPermit.IssueAsync(web.Api, id, applicant, officers);
        var number = (await web.Api.GetApplicationAsync(id, applicant))["decision"]!["documentNumber"]!.GetValue<string>();

        // The applicant is invited on the application's page and answers once.
        var page = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(page, username, password);
        await page.GotoAsync($"/permohonan/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Isi survei" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Survei Kepuasan Masyarakat (SKM)");
        await page.Locator("#U1-4").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban survei" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("Pilih jawaban untuk U2 (Sistem, mekanisme dan prosedur).");
        await WebFixture.CheckPageAsync(page, "62-survei-belum-lengkap", maxWidth: 360);
        foreach (var (code, value) in new[] { ("U2", 3), ("U3", 3), ("U4", 4), ("U5", 4), ("U6", 3), ("U7", 4), ("U8", 2), ("U9", 3) })
            await page.Locator($"#{code}-{value}").CheckAsync();
        await Assertions.Expect(page.Locator("#U1-4")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban survei" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Jawaban survei Anda untuk permohonan ini sudah kami terima");
        await page.GotoAsync($"/permohonan/{id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anda sudah mengisi Survei Kepuasan Masyarakat");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Isi survei" }).CountAsync());

        // The agency head revokes on the file's page: the reason and the confirmation are required.
        var head = await web.NewPageAsync();
        await WebFixture.SignInAsync(head, "kepala", WebFixture.OfficerPassword);
        await head.GotoAsync($"/tugas/{id}");
        await head.GetByRole(AriaRole.Button, new() { Name = "Cabut izin" }).ClickAsync();
        await Assertions.Expect(head.Locator(".ringkasan-galat")).ToContainTextAsync("Tulis alasan pencabutan izin.");
        await Assertions.Expect(head.Locator(".ringkasan-galat")).ToContainTextAsync("Centang pernyataan");
        const string reason = "Kegiatan penelitian menyimpang dari proposal yang diizinkan.";
        await head.GetByLabel("Alasan pencabutan").FillAsync(reason);
        await head.Locator("#yakin-cabut").CheckAsync();
        await WebFixture.CheckPageAsync(head, "63-cabut-izin");
        await head.GetByRole(AriaRole.Button, new() { Name = "Cabut izin" }).ClickAsync();
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("Izin dicabut");

        // The public verification page says DICABUT, when and why.
        var visitor = await web.NewPageAsync(360, 780);
        await visitor.GotoAsync($"/verify/{Uri.EscapeDataString(number)}");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("DICABUT: izin ini tidak berlaku lagi");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(reason);
        await Assertions.Expect(visitor.Locator(".hasil time")).ToContainTextAsync("WIB");
        await WebFixture.CheckPageAsync(visitor, "64-verifikasi-dicabut", maxWidth: 360);
    }
}
