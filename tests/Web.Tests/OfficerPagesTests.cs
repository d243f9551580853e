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
        // Its due time in people's terms: the working time left, as the API counted it with the agency's calendar.
        await Assertions.Expect(officer.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Regex.Escape(business)) }))
            .ToContainTextAsync(new Regex(@"Sisa waktu kerja \d+ jam \d+ menit"));
        await WebFixture.CheckPageAsync(officer, "41-tugas-saya");
        // The filter: a file within its due time is not among the overdue ones.
        await officer.GetByLabel("Hanya yang terlambat").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Saring" }).ClickAsync();
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("terlambat=true"));
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) })).ToHaveCountAsync(0);
        await officer.GotoAsync("/tugas?langkah=4");
        await officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }).ClickAsync();
        await Assertions.Expect(officer.Locator("#judul-tindakan")).ToHaveTextAsync("Tindakan: Pemeriksaan kelengkapan berkas");
        await Assertions.Expect(officer.Locator("#sisa-waktu")).ToHaveTextAsync(new Regex(@"^Sisa waktu kerja \d+ jam \d+ menit$"));
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

/// <summary>Steps 5 to 10 at each officer's own page, then the applicant's signed permit and its public verification.</summary>
[Collection(WebCollection.Name)]
public sealed class PermitThroughTheWebTests(WebFixture web)
{
    [Fact]
    public async Task Each_officer_acts_at_the_file_page_until_the_permit_is_signed_and_the_public_can_verify_it()
    {
        var (username, password) = await web.ApplicantAsync();
        var business = $"CV Papan Jaya {Guid.NewGuid().ToString()[..6]}";
        var id = await web.SubmittedApplicationAsync(username, password, business);

        await Act("frontoffice", id, "47-langkah-4", async page => await page.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync());
        await Act("backoffice", id, "48-langkah-5", async page =>
        {
            await page.GetByLabel("Data teknis", new() { Exact = true }).FillAsync("Ukuran reklame: 4 x 6 m\nKetinggian: 8 m");
            await page.GetByLabel("Tempat rapat atau lokasi peninjauan").FillAsync("Persimpangan Jl. Veteran, Purwakarta");
        });
        await Act("teknis", id, "49-langkah-6", async page =>
        {
            await page.Locator("#bap").SetInputFilesAsync(new FilePayload { Name = "bap.pdf", MimeType = "application/pdf",
                Buffer = Ptsp.EndToEnd.Tests.Infrastructure.SampleFiles.Pdf("BAP peninjauan lapangan") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Unggah BAP" }).ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("BAP) sudah diunggah");
            await page.GetByLabel("Disetujui", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Catatan hasil kajian").FillAsync("Konstruksi aman, lokasi sesuai tata ruang.");
        });
        await Act("backoffice", id, "50-langkah-7", async page =>
        {
            await page.GetByLabel("Izin", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Masa berlaku izin").FillAsync("2 (dua) tahun");
            await page.GetByLabel("Ketentuan tambahan atau alasan lain").FillAsync("Reklame dipasang sesuai data teknis yang diperiksa tim teknis.");
        });
        await Act("kasi", id, "51-langkah-8", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await Act("kabid", id, "52-langkah-9", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await Act("kepala", id, "53-langkah-10", async page => await page.GetByLabel("Tanda tangani").CheckAsync());

        // The applicant's permit, downloaded through the Web, and its public verification by number and by file.
        var applicant = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(applicant, username, password);
        await applicant.GotoAsync($"/permohonan/{id}");
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Izin terbit"), TimeSpan.FromSeconds(60));
        await WebFixture.CheckPageAsync(applicant, "54-izin-terbit", 360);
        var decision = await applicant.Context.APIRequest.GetAsync($"/permohonan/{id}/unduh/keputusan");
        Assert.Equal(200, decision.Status);
        var pdf = await decision.BodyAsync();

        await applicant.GetByRole(AriaRole.Link, new() { Name = "Verifikasi", Exact = true }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Dokumen terdaftar dan sah");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync(business);
        await WebFixture.CheckPageAsync(applicant, "55-verifikasi-sah", 360);

        await applicant.GotoAsync("/verifikasi");
        await applicant.Locator("#berkas").SetInputFilesAsync(new FilePayload { Name = "izin.pdf", MimeType = "application/pdf", Buffer = pdf });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Periksa berkas" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("#hasil-judul")).ToHaveTextAsync("Asli: dokumen sah");
        await WebFixture.CheckPageAsync(applicant, "56-verifikasi-berkas-asli", 360);
    }

    /// <summary>One officer's step: sign in, open the file when it reaches their desk, fill the form, confirm, see it move on.</summary>
    async Task Act(string officer, Guid id, string screenshot, Func<IPage, Task> fill)
    {
        var page = await web.NewPageAsync();
        await WebFixture.SignInAsync(page, officer, WebFixture.OfficerPassword);
        await page.GotoAsync($"/tugas/{id}");
        await WebFixture.ReloadUntilAsync(page, page.Locator("#judul-tindakan"));
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#judul-konfirmasi")).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, screenshot);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Tindakan Anda sudah dikirim");
        await page.Context.CloseAsync();
    }
}
