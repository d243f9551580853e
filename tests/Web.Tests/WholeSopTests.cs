using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// The whole SOP in the browser, in one walk through the embedded (all-in-one) host: every step by a person at a page,
/// both return loops, and the QR code of the signed decision read back from the PDF and opened. Every page of the
/// walk passes axe-core (no serious or critical violation) and is screenshotted under screenshots/sop/.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class WholeSopTests(WebFixture web)
{
    const int Phone = BrowserWalk.Phone;

    [Fact]
    public async Task The_whole_SOP_is_walked_in_the_browser_with_both_returns_and_the_QR_code_opens_the_verification_that_says_authentic()
    {
        var walk = new BrowserWalk(web.Browser, web.BaseUrl, web.Mail, "sop");
        var business = $"CV Reklame Lengkap {Guid.NewGuid().ToString()[..6]}";

        // Steps 1–3: registration, the front office's approval in a second context, the email, the forced password change.
        var applicant = await walk.RegisterAsync();
        // Step 3: the application with its uploads.
        var id = await walk.ApplyAsync(applicant, business);
        var applicationUrl = applicant.Url;

        // Step 4: the front office returns the file (the KTP is unreadable).
        var front = await walk.NewPageAsync();
        await WebFixture.SignInAsync(front, "frontoffice", WebFixture.OfficerPassword);
        await WebFixture.ReloadUntilAsync(front, front.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }));
        await walk.Check(front, "15-tugas-saya-front-office");
        await front.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }).ClickAsync();
        await Assertions.Expect(front.Locator("#judul-tindakan")).ToHaveTextAsync("Tindakan: Pemeriksaan kelengkapan berkas");
        await walk.Check(front, "16-berkas-kelengkapan");
        await front.GetByLabel("Tidak lengkap: kembalikan kepada pemohon").CheckAsync();
        await front.GetByLabel("KTP pemohon").CheckAsync();
        await front.GetByLabel("Catatan untuk pemohon").FillAsync("Foto KTP buram, unggah ulang hasil pindaian yang jelas.");
        await front.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await walk.Check(front, "17-berkas-konfirmasi-kembalikan");
        await front.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(front.Locator("[role=status]")).ToContainTextAsync("Berkas sekarang pada langkah 3, di meja Pemohon");
        await front.Context.CloseAsync();

        // The applicant replaces the document and resubmits.
        await applicant.GotoAsync(applicationUrl);
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Foto KTP buram, unggah ulang hasil pindaian yang jelas."));
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Dikembalikan — perlu dilengkapi");
        await walk.Check(applicant, "18-permohonan-dikembalikan", Phone);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ganti KTP pemohon" }).ClickAsync();
        await BrowserWalk.UploadAsync(applicant, ("ktp.png", "image/png", SampleFiles.Png));
        await Assertions.Expect(applicant.Locator("[role=status]")).ToContainTextAsync("KTP pemohon berhasil diunggah");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Lanjut: periksa kembali" }).ClickAsync();
        await walk.Check(applicant, "19-periksa-kembali-ulang", Phone);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ajukan kembali" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".panel-berhasil")).ToContainTextAsync("Diajukan — pemeriksaan kelengkapan");
        await walk.Check(applicant, "20-diajukan-kembali", Phone);

        // Steps 4 to 10, each officer at the file page; the section head returns the draft once, the back office redrafts.
        await walk.ActAsync("frontoffice", id, "21-langkah-4", async page => await page.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync());
        await walk.ActAsync("backoffice", id, "22-langkah-5", async page =>
        {
            await page.GetByLabel("Data teknis", new() { Exact = true }).FillAsync("Ukuran reklame: 4 x 6 m\nKetinggian: 8 m");
            await page.GetByLabel("Tempat rapat atau lokasi peninjauan").FillAsync("Persimpangan Jl. Veteran, Purwakarta");
        });
        await walk.ActAsync("teknis", id, "23-langkah-6", BrowserWalk.RecommendAsync);
        await walk.ActAsync("backoffice", id, "24-langkah-7", BrowserWalk.Draft("Reklame dipasang sesuai data teknis."));
        await walk.ActAsync("kasi", id, "25-langkah-8-kembalikan", async page =>
        {
            await page.GetByLabel("Kembalikan ke penyusunan draf").CheckAsync();
            await page.GetByLabel("Catatan perbaikan").FillAsync("Sebutkan ukuran reklame dalam ketentuan tambahan.");
        }, "Berkas sekarang pada langkah 7, di meja Petugas Back Office");
        await walk.ActAsync("backoffice", id, "26-langkah-7-perbaikan",
            BrowserWalk.Draft("Reklame berukuran 4 x 6 m dipasang sesuai data teknis yang diperiksa tim teknis."));
        await walk.ActAsync("kasi", id, "27-langkah-8", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await walk.ActAsync("kabid", id, "28-langkah-9", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await walk.ActAsync("kepala", id, "29-langkah-10", async page => await page.GetByLabel("Tanda tangani").CheckAsync());

        // The section head's return is in the applicant's timeline in public words (its note stays internal).
        await applicant.GotoAsync(applicationUrl);
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Izin terbit"), TimeSpan.FromSeconds(60));
        await Assertions.Expect(applicant.Locator(".linimasa")).ToContainTextAsync("Draf keputusan diperbaiki");
        // The signed decision downloaded; its QR code decoded from the PDF opens the verification page: authentic.
        await walk.DecisionAndItsQrCodeAsync(applicant, id, business, "30");
    }
}
