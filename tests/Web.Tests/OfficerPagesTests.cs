using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The officers' worklist and file page, with the applicant's side of a returned file.</summary>
[Collection(WebCollection.Name)]
public sealed class OfficerPagesTests(WebFixture web)
{
    [Fact]
    public async Task An_incomplete_file_goes_back_to_the_applicant_who_replaces_the_document_and_resubmits_then_it_is_accepted()
    {
        var (username, password) = await web.ApplicantAsync();
        var business = $"Toko Sejahtera {Guid.NewGuid().ToString()[..6]}";
        var id = await web.SubmittedApplicationAsync(username, password, business);

        // Step 4 at the front office: the worklist, the file, "not complete" with a note, confirmed.
        var officer = await web.NewPageAsync();
        await WebFixture.SignInAsync(officer, "frontoffice", WebFixture.OfficerPassword);
        await WebFixture.ReloadUntilAsync(officer, officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }));
        await WebFixture.CheckPageAsync(officer, "41-tugas-saya");
        await officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }).ClickAsync();
        await Assertions.Expect(officer.Locator("#judul-tindakan")).ToHaveTextAsync("Tindakan: Pemeriksaan kelengkapan berkas");
        await WebFixture.CheckPageAsync(officer, "42-berkas-kelengkapan");

        // Without a choice the form says what is missing, next to the field.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".ringkasan-galat")).ToContainTextAsync("Pilih apakah berkas lengkap atau tidak lengkap.");

        await officer.GetByLabel("Tidak lengkap: kembalikan kepada pemohon").CheckAsync();
        await officer.GetByLabel("KTP pemohon").CheckAsync();
        await officer.GetByLabel("Catatan untuk pemohon").FillAsync("Foto KTP buram, unggah ulang hasil pindaian yang jelas.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#judul-konfirmasi")).ToHaveTextAsync("Periksa sebelum mengirim");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Berkas tidak lengkap: dikembalikan kepada pemohon");
        await WebFixture.CheckPageAsync(officer, "43-berkas-konfirmasi");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[role=status]")).ToContainTextAsync("Berkas sekarang pada langkah 3, di meja Pemohon");

        // The applicant sees the return, the officer's note and the document to replace; replaces it and resubmits.
        var applicant = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(applicant, username, password);
        await applicant.GotoAsync($"/permohonan/{id}");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Dikembalikan — perlu dilengkapi");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Foto KTP buram, unggah ulang hasil pindaian yang jelas.");
        await WebFixture.CheckPageAsync(applicant, "44-permohonan-dikembalikan", 360);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ganti KTP pemohon" }).ClickAsync();
        await applicant.Locator("#berkas").SetInputFilesAsync(new FilePayload { Name = "ktp.png", MimeType = "image/png", Buffer = Ptsp.EndToEnd.Tests.Infrastructure.SampleFiles.Png });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("[role=status]")).ToContainTextAsync("KTP pemohon berhasil diunggah");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Lanjut: periksa kembali" }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ajukan kembali" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".panel-berhasil")).ToContainTextAsync("Diajukan — pemeriksaan kelengkapan");

        // Complete now: the receipt is issued and the file moves on to the back office (step 5).
        await officer.GotoAsync($"/tugas/{id}");
        await WebFixture.ReloadUntilAsync(officer, officer.Locator("#judul-tindakan"));
        await officer.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[role=status]")).ToContainTextAsync("Berkas sekarang pada langkah 5, di meja Petugas Back Office");
        await WebFixture.CheckPageAsync(officer, "45-berkas-langkah-5");
        // The front office has no action left on it.
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("tidak ada tindakan untuk peran Anda");

        // The applicant downloads the receipt through the Web (the token stays in the session cookie).
        await applicant.GotoAsync($"/permohonan/{id}");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Kajian teknis");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "Unduh tanda terima (PDF)" })).ToBeVisibleAsync();
        var receipt = await applicant.Context.APIRequest.GetAsync($"/permohonan/{id}/unduh/tanda-terima");
        Assert.Equal(200, receipt.Status);
        Assert.Equal("application/pdf", receipt.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await receipt.BodyAsync(), 0, 4));
        await WebFixture.CheckPageAsync(applicant, "46-permohonan-diterima", 360);

        // An applicant on an officer's page is told, kindly, that it is not theirs.
        await applicant.GotoAsync("/tugas");
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Anda tidak berwenang");
    }
}
