using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>Issue 10: the administrator's officer pages, and "Lupa kata sandi" from the sign-in page.</summary>
[Collection(WebCollection.Name)]
public sealed class OfficerAdminPagesTests(WebFixture web)
{
    [Fact]
    public async Task The_administrator_creates_a_section_head_by_keyboard_on_a_phone_then_resets_and_deactivates_the_account()
    {
        var page = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(page, "admin", WebFixture.OfficerPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/petugas$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Akun petugas");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("kasi$") })).ToBeVisibleAsync();
        await WebFixture.CheckPageAsync(page, "70-akun-petugas", 360);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah petugas" }).ClickAsync();
        // A section head without a sector, and a NIP of 5 digits: both said next to their fields.
        var username = $"kasi.{Guid.NewGuid().ToString("N")[..8]}";
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Nama lengkap beserta gelar").FillAsync("dr. Ratna Sari");
        await page.GetByLabel("NIP").FillAsync("12345");
        await page.GetByLabel("Email").FillAsync($"{username}@purwakartakab.go.id");
        await page.GetByLabel("Kepala Seksi (Kasi)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun petugas" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("NIP harus terdiri dari 18 digit angka.");
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("Kepala Seksi harus membawahi sekurang-kurangnya satu sektor.");
        await WebFixture.CheckPageAsync(page, "71-tambah-petugas-galat", 360);

        // Fixed with the keyboard only: focus the NIP, type, tab to the sector box, space to tick it, submit with Enter.
        await page.GetByLabel("NIP").FillAsync("198207142009022003");
        await page.GetByLabel("Kesehatan").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Kesehatan")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun petugas" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Akun petugas dibuat");
        var mail = web.Mail;
        var (mailed, _, _) = await mail.CredentialsAsync($"{username}@purwakartakab.go.id");
        Assert.Equal(username, mailed);

        await WebFixture.ReloadUntilAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "dr. Ratna Sari" }));
        await page.GetByRole(AriaRole.Link, new() { Name = "dr. Ratna Sari" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("dr. Ratna Sari");
        await Assertions.Expect(page.GetByLabel("Kesehatan")).ToBeCheckedAsync();
        await WebFixture.CheckPageAsync(page, "72-ubah-petugas", 360);

        await page.GetByRole(AriaRole.Button, new() { Name = "Atur ulang kata sandi" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Kata sandi sementara yang baru dikirim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan akun" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Akun dinonaktifkan");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan kembali" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_applicant_who_forgot_the_password_sets_a_new_one_through_the_emailed_link()
    {
        var (username, _) = await web.ApplicantAsync();
        var email = EmailOf(username);
        var page = await web.NewPageAsync(360, 780);
        await page.GotoAsync("/masuk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lupa kata sandi?" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lupa kata sandi");
        await WebFixture.CheckPageAsync(page, "73-lupa-kata-sandi", 360);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim tautan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Jika alamat email tersebut terdaftar");

        string? link = null;
        for (var i = 0; i < 100 && link is null; i++)
        {
            link = web.Mail.To(email).Where(m => m.Subject == "Atur ulang kata sandi akun PTSP")
                .Select(m => Regex.Match(m.TextBody!, @"https?://\S+/atur-ulang-kata-sandi\?token=[A-Za-z0-9_-]+")).FirstOrDefault(m => m.Success)?.Value;
            if (link is null)
                await Task.Delay(100);
        }

        Assert.NotNull(link);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("SandiBaruLewatEmail2026");
        await page.GetByLabel("Ulangi kata sandi baru").FillAsync("SandiBaruLewatEmail2026");
        await WebFixture.CheckPageAsync(page, "74-atur-ulang-kata-sandi", 360);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi baru" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kata sandi baru tersimpan");

        await WebFixture.SignInAsync(page, username, "SandiBaruLewatEmail2026");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Permohonan saya");
    }

    /// <summary>The address the credential email for <paramref name="username"/> went to.</summary>
    string EmailOf(string username) =>
        Directory.GetFiles(web.Mail.Directory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .First(m => m.TextBody?.Contains($"Username: {username}") == true).To.Mailboxes.First().Address;
}
