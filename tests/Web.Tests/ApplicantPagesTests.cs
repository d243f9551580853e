using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The applicant's pages, walked in a 360 px wide window (a phone): nothing may scroll sideways.</summary>
[Collection(WebCollection.Name)]
public sealed class ApplicantPagesTests(WebFixture web)
{
    const int Phone = 360;

    [Fact]
    public async Task An_applicant_registers_changes_the_one_time_password_and_submits_an_application_with_its_documents()
    {
        var page = await web.NewPageAsync(Phone, 780);
        var applicant = PtspClient.NewApplicant();

        // Step 1: registration.
        await page.GotoAsync("/daftar");
        await WebFixture.CheckPageAsync(page, "10-daftar", Phone);
        await page.GetByLabel("Nama lengkap").FillAsync(applicant.FullName);
        await page.GetByLabel("NIK (Nomor Induk Kependudukan)").FillAsync(applicant.Nik);
        await page.GetByLabel("Email").FillAsync(applicant.Email);
        await page.GetByLabel("Nomor telepon").FillAsync("081234567890");
        await page.GetByLabel("Alamat").FillAsync(applicant.Address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pendaftaran terkirim");
        await WebFixture.CheckPageAsync(page, "11-daftar-terkirim", Phone);

        // Steps 2–3: the front office approves at its own page; the credentials arrive by email.
        var officer = await web.NewPageAsync();
        await WebFixture.SignInAsync(officer, "frontoffice", WebFixture.OfficerPassword);
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("Tugas saya");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Pendaftaran akun yang menunggu persetujuan" }).ClickAsync();
        await WebFixture.ReloadUntilAsync(officer, officer.Locator("dd", new() { HasText = applicant.Email }));
        await WebFixture.CheckPageAsync(officer, "40-petugas-pendaftaran");
        await officer.Locator("section", new() { Has = officer.Locator("dd", new() { HasText = applicant.Email }) })
            .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Setujui pendaftaran") }).ClickAsync();
        await Assertions.Expect(officer.Locator("[role=status]")).ToContainTextAsync("Pendaftaran disetujui");
        await officer.Context.CloseAsync();
        var (username, oneTime, _) = await web.Mail.CredentialsAsync(applicant.Email);

        // The first sign-in forces the password change, then signs in again with the new password.
        await page.GotoAsync("/masuk");
        await WebFixture.CheckPageAsync(page, "12-masuk", Phone);
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(oneTime);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ganti-kata-sandi"));
        await WebFixture.CheckPageAsync(page, "13-ganti-kata-sandi", Phone);
        // The token allows nothing else until then.
        await page.GotoAsync("/permohonan");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ganti-kata-sandi"));
        await page.GetByLabel("Kata sandi saat ini").FillAsync(oneTime);
        await page.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("Kata-Sandi-Baru-2026");
        await page.GetByLabel("Ulangi kata sandi baru").FillAsync("Kata-Sandi-Baru-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
        await WebFixture.CheckPageAsync(page, "14-permohonan-saya-kosong", Phone);

        // The wizard, one thing per page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajukan permohonan baru" }).ClickAsync();
        await WebFixture.CheckPageAsync(page, "15-pilih-jenis-izin", Phone);
        await page.GetByLabel("Izin Penyelenggaraan Reklame").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data usaha");
        await page.GetByLabel("Nama usaha").FillAsync("CV Maju Jaya");
        await page.GetByLabel("Alamat usaha").FillAsync("Jl. Veteran No. 5, Purwakarta");
        await page.GetByLabel("Uraian kegiatan usaha").FillAsync("Papan reklame 4 x 6 m di persimpangan Jl. Veteran.");
        await WebFixture.CheckPageAsync(page, "16-data-usaha", Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan lanjut ke dokumen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumen persyaratan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("0 dari 5 dokumen sudah diunggah");
        await WebFixture.CheckPageAsync(page, "17-dokumen", Phone);

        // A wrong file type and a file over 10 MB show their error on that document.
        await page.GetByRole(AriaRole.Link, new() { Name = "KTP pemohon" }).ClickAsync();
        await WebFixture.CheckPageAsync(page, "18-unggah", Phone);
        await Upload(page, "ktp.txt", "text/plain", "bukan gambar KTP"u8.ToArray());
        await Assertions.Expect(page.Locator("#berkas-galat")).ToContainTextAsync("Jenis berkas tidak didukung");
        await Assertions.Expect(page.Locator(".ringkasan-galat a[href='#berkas']")).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, "19-unggah-jenis-salah", Phone);
        var large = new byte[11 * 1024 * 1024];
        SampleFiles.Pdf().CopyTo(large, 0);
        await Upload(page, "ktp-besar.pdf", "application/pdf", large);
        await Assertions.Expect(page.Locator("#berkas-galat")).ToContainTextAsync("10 MB");
        await WebFixture.CheckPageAsync(page, "20-unggah-terlalu-besar", Phone);
        await Upload(page, "ktp.pdf", "application/pdf", SampleFiles.Pdf("KTP"));
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("KTP pemohon berhasil diunggah");

        foreach (var name in new[] { "NPWP pemohon atau badan usaha", "Desain/foto reklame beserta ukuran dan naskah",
                     "Denah dan titik koordinat lokasi reklame", "Surat persetujuan pemilik lahan/bangunan" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Upload(page, "dokumen.png", "image/png", SampleFiles.Png);
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync($"{name} berhasil diunggah");
        }

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("5 dari 5 dokumen sudah diunggah");
        await WebFixture.CheckPageAsync(page, "21-dokumen-lengkap", Phone);

        // "Periksa kembali", submit, the confirmation, the application's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut: periksa kembali" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Periksa kembali permohonan Anda");
        await WebFixture.CheckPageAsync(page, "22-periksa-kembali", Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajukan permohonan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan diajukan");
        await WebFixture.CheckPageAsync(page, "23-permohonan-diajukan", Phone);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lihat halaman permohonan" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Diajukan — pemeriksaan kelengkapan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Petugas Front Office");
        await Assertions.Expect(page.Locator(".linimasa")).ToContainTextAsync("Permohonan diajukan");
        await WebFixture.CheckPageAsync(page, "24-halaman-permohonan", Phone);

        await page.GetByRole(AriaRole.Link, new() { Name = "Permohonan saya" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Diajukan — pemeriksaan kelengkapan");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("CV Maju Jaya");
        await WebFixture.CheckPageAsync(page, "25-permohonan-saya", Phone);
    }

    [Fact]
    public async Task Without_a_session_an_applicant_page_asks_to_sign_in_and_returns_to_the_page_afterwards()
    {
        var (username, password) = await web.ApplicantAsync();
        var page = await web.NewPageAsync(Phone, 780);

        await page.GotoAsync("/permohonan/baru");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/masuk\\?ReturnUrl=%2Fpermohonan%2Fbaru$"));
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/permohonan/baru$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Izin apa yang Anda ajukan?");

        // Signing out ends the session: the page asks to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.GotoAsync("/permohonan");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/masuk\\?ReturnUrl=%2Fpermohonan$"));
    }

    [Fact]
    public async Task An_officer_on_an_applicant_page_is_told_they_are_not_authorised()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/masuk?ReturnUrl=%2Fpermohonan");
        await page.GetByLabel("Username").FillAsync("frontoffice");
        await page.GetByLabel("Kata sandi").FillAsync(WebFixture.OfficerPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anda tidak berwenang");
        await WebFixture.CheckPageAsync(page, "30-tidak-berwenang");
    }

    static async Task Upload(IPage page, string name, string type, byte[] content)
    {
        await page.Locator("#berkas").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
    }
}
