using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The supervisors' SLA report, the officers' inline document viewer, and the officers' pages on a phone.</summary>
[Collection(WebCollection.Name)]
public sealed class SupervisorPagesTests(WebFixture web)
{
    const int Phone = 360;

    [Fact]
    public async Task A_section_head_reads_the_SLA_report_as_tables_and_charts_and_downloads_its_CSV()
    {
        // Steps that ended today: the account approval (2) and the completeness check (4) of an accepted application.
        var officers = await QuickPermit.OfficersAsync(web.Api, WebFixture.OfficerPassword);
        var (_, applicant, _) = await QuickPermit.ApplicantAsync(web.Api, web.Mail, officers["FrontOffice"], "Sari Laporan");
        await QuickPermit.AcceptedAsync(web.Api, applicant, officers);

        var page = await web.NewPageAsync();
        await WebFixture.SignInAsync(page, "kasi", WebFixture.OfficerPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Laporan waktu layanan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Laporan ketepatan waktu layanan");
        // The default period is the last 30 days up to today; step 4 ended today.
        var steps = page.Locator("table").First;
        await Assertions.Expect(steps.GetByRole(AriaRole.Rowheader, new() { Name = "4. Pemeriksaan kelengkapan berkas" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").Nth(1)).ToContainTextAsync("Izin Penelitian");
        await Assertions.Expect(page.Locator("table").Nth(1)).ToContainTextAsync("Pendaftaran akun pemohon");
        await Assertions.Expect(page.Locator("table").Nth(2)).ToContainTextAsync("Petugas Front Office");

        // The charts: SVG drawn on the server, named, described in words, with a bar per step and per permit type.
        var stepChart = page.GetByRole(AriaRole.Img, new() { Name = "Persentase langkah yang selesai tepat waktu, per langkah SOP" });
        await Assertions.Expect(stepChart).ToBeVisibleAsync();
        await Assertions.Expect(stepChart.Locator("desc")).ToContainTextAsync(new Regex(@"4\. Pemeriksaan kelengkapan berkas: \d+\s?% tepat waktu \(\d+ dari \d+\)"));
        Assert.Equal(await steps.Locator("tbody tr").CountAsync(), await stepChart.Locator("rect.batang-tepat").CountAsync());
        // Time used against target per permit type: the mean working time of its steps against their mean target, in words too.
        var typeChart = page.GetByRole(AriaRole.Img, new() { Name = "Waktu kerja terpakai dibandingkan target, per jenis izin (rata-rata per langkah)" });
        await Assertions.Expect(typeChart.Locator("desc")).ToContainTextAsync(
            new Regex(@"Surat Izin Penelitian: \d+ (jam|menit)[\w ]* kerja dari target \d+ (jam|menit)[\w ]* kerja \(\d+\s?%\)"));
        Assert.Equal(await page.Locator("table").Nth(1).Locator("tbody tr").CountAsync(), await typeChart.Locator("line.garis-target").CountAsync());
        await Assertions.Expect(page.Locator("table").Nth(1).Locator("tbody tr", new() { HasText = "Surat Izin Penelitian" }))
            .ToContainTextAsync("kerja dari target");
        await WebFixture.CheckPageAsync(page, "60-laporan-sla");

        // The CSV is the Gateway's, for the same period, relayed through the Web.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Unduh laporan (CSV)" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        Assert.Contains("attachment", csv.Headers["content-disposition"]);
        var text = await csv.TextAsync();
        Assert.StartsWith("dimension,key,count,withinTarget,overdue,medianMinutes,p90Minutes,meanMinutes,meanTargetMinutes", text.TrimStart('\uFEFF'));
        Assert.Contains("\nstep,4,", text);
        Assert.Contains("\npermitType,PENELITIAN,", text);

        // A period in the future has nothing yet; bad dates are said next to their fields, never a 500.
        await page.GotoAsync("/laporan/sla?dari=2099-01-01&sampai=2099-01-31");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tidak ada langkah yang selesai dalam periode ini.");
        await page.GotoAsync("/laporan/sla?dari=kemarin&sampai=2026-11-30");
        await Assertions.Expect(page.Locator("#dari-galat")).ToContainTextAsync("Isi tanggal awal periode");
        await Assertions.Expect(page.Locator(".ringkasan-galat a[href='#dari']")).ToBeVisibleAsync();
        await page.GetByLabel("Dari tanggal").FillAsync("2026-11-30");
        await page.GetByLabel("Sampai dengan tanggal").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sampai-galat")).ToContainTextAsync("tidak boleh sebelum tanggal awal");
        // The Gateway's own rule (one year at most) comes back next to the field it is about.
        await page.GotoAsync("/laporan/sla?dari=2024-01-01&sampai=2026-11-30");
        await Assertions.Expect(page.Locator("#sampai-galat")).ToContainTextAsync("paling panjang satu tahun");
        await WebFixture.CheckPageAsync(page, "61-laporan-sla-galat");
        var badCsv = await page.Context.APIRequest.GetAsync("/laporan/sla/csv?dari=2024-01-01&sampai=2026-11-30");
        Assert.Equal(200, badCsv.Status);
        Assert.Contains("paling panjang satu tahun", await badCsv.TextAsync());

        // On a phone: nothing scrolls sideways.
        var phone = await web.NewPageAsync(Phone, 780);
        await WebFixture.SignInAsync(phone, "kepala", WebFixture.OfficerPassword);
        await phone.GotoAsync("/laporan/sla");
        await Assertions.Expect(phone.GetByRole(AriaRole.Img, new() { Name = "Persentase langkah yang selesai tepat waktu, per langkah SOP" })).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(phone, "62-laporan-sla-ponsel", Phone);
    }

    [Fact]
    public async Task The_report_is_not_offered_to_other_roles_and_its_URL_says_not_allowed()
    {
        var page = await web.NewPageAsync();
        await WebFixture.SignInAsync(page, "frontoffice", WebFixture.OfficerPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tugas saya");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Laporan waktu layanan" })).ToHaveCountAsync(0);
        await page.GotoAsync("/laporan/sla");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anda tidak berwenang");
        var csv = await page.Context.APIRequest.GetAsync("/laporan/sla/csv", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, csv.Status);
    }

    [Fact]
    public async Task An_officer_views_each_uploaded_document_inline_and_the_officer_pages_fit_a_phone()
    {
        var (username, password) = await web.ApplicantAsync();
        var business = $"Toko Gambar {Guid.NewGuid().ToString()[..6]}";
        var id = await ApplicationWithAnImageAsync(username, password, business);

        var page = await web.NewPageAsync(Phone, 780);
        await WebFixture.SignInAsync(page, "frontoffice", WebFixture.OfficerPassword);
        await WebFixture.ReloadUntilAsync(page, page.Locator($"a[href='/tugas/{id}']"));
        await WebFixture.CheckPageAsync(page, "63-tugas-saya-ponsel", Phone);
        await page.Locator($"a[href='/tugas/{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#judul-tindakan")).ToBeVisibleAsync();

        // The KTP is a PNG: shown as an image, loaded from the Web (same origin) once opened.
        await page.GetByText("Lihat KTP pemohon (PNG)").ClickAsync();
        var image = page.Locator("#lihat-KTP img");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "KTP pemohon yang diunggah pemohon");
        await page.WaitForFunctionAsync("() => document.querySelector('#lihat-KTP img').complete && document.querySelector('#lihat-KTP img').naturalWidth > 0");
        // The NPWP is a PDF: in a titled frame, served inline as a PDF.
        await page.GetByText("Lihat NPWP pemohon atau badan usaha (PDF)").ClickAsync();
        var frame = page.Locator("#lihat-NPWP iframe");
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", "NPWP pemohon atau badan usaha (PDF)");
        var source = await frame.GetAttributeAsync("src");
        Assert.Equal($"/tugas/{id}/unduh/dokumen/NPWP?lihat=true", source);
        var pdf = await page.Context.APIRequest.GetAsync(source!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("inline", pdf.Headers["content-disposition"]);
        Assert.Equal("nosniff", pdf.Headers["x-content-type-options"]);
        // The page frames it, so this origin may (another site may not); a download is never framed.
        Assert.Equal("SAMEORIGIN", pdf.Headers["x-frame-options"]);
        Assert.Equal("frame-ancestors 'self'", pdf.Headers["content-security-policy"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));
        // Without ?lihat it stays a download, and the download link is there as the fallback.
        var download = await page.Context.APIRequest.GetAsync($"/tugas/{id}/unduh/dokumen/NPWP");
        Assert.StartsWith("attachment", download.Headers["content-disposition"]);
        Assert.Equal("DENY", download.Headers["x-frame-options"]);
        await Assertions.Expect(page.Locator("#lihat-NPWP").GetByRole(AriaRole.Link, new() { Name = "Unduh NPWP pemohon atau badan usaha" })).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, "64-berkas-lihat-dokumen-ponsel", Phone);

        // The rest of the officers' pages on a phone: the registrations list, the confirmation of an action.
        await page.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#judul-konfirmasi")).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, "65-berkas-konfirmasi-ponsel", Phone);
        await page.GotoAsync("/tugas/pendaftaran");
        await WebFixture.CheckPageAsync(page, "66-pendaftaran-ponsel", Phone);

        // The back office's file page at a later step (technical form with its date fields) on a phone.
        await page.GotoAsync($"/tugas/{id}");
        await page.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Berkas sekarang pada langkah 5");
        var back = await web.NewPageAsync(Phone, 780);
        await WebFixture.SignInAsync(back, "backoffice", WebFixture.OfficerPassword);
        await back.GotoAsync($"/tugas/{id}");
        await WebFixture.ReloadUntilAsync(back, back.Locator("#judul-tindakan"));
        await WebFixture.CheckPageAsync(back, "67-berkas-langkah-5-ponsel", Phone);
    }

    /// <summary>A submitted Reklame application whose KTP is a PNG and the rest PDFs (through the API).</summary>
    async Task<Guid> ApplicationWithAnImageAsync(string username, string password, string businessName)
    {
        var token = await web.Api.TokenAsync(username, password);
        var created = await web.Api.PostAsync("/api/v1/applications", new
        {
            permitTypeCode = "REKLAME", businessName, businessAddress = "Jl. Veteran No. 7, Purwakarta",
            description = "Papan reklame 3 x 4 m.",
        }, token);
        await PtspClient.Expect(created, HttpStatusCode.Created);
        var id = (await PtspClient.Json(created))["applicationId"]!.GetValue<Guid>();
        await PtspClient.Expect(await web.Api.PutFileAsync($"/api/v1/applications/{id}/documents/KTP", SampleFiles.Png, "image/png", token), HttpStatusCode.Created);
        foreach (var code in new[] { "NPWP", "DESAIN_REKLAME", "DENAH_LOKASI", "IZIN_PEMILIK_LAHAN" })
            await PtspClient.Expect(await web.Api.PutFileAsync($"/api/v1/applications/{id}/documents/{code}", SampleFiles.Pdf(code), "application/pdf", token),
                HttpStatusCode.Created);
        await PtspClient.Expect(await web.Api.PostAsync($"/api/v1/applications/{id}/submit", null, token), HttpStatusCode.Accepted);
        return id;
    }
}
