using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.Web.Tests.Infrastructure;

/// <summary>
/// The SOP walked by people at pages, against one site (the embedded host or the distributed Web): each page checked
/// with axe-core and screenshotted under screenshots/<c>folder</c>/.
/// </summary>
public sealed class BrowserWalk(IBrowser browser, string baseUrl, MailPickup mail, string folder)
{
    public const int Phone = 360;
    const string NewPassword = "Kata-Sandi-Baru-2026";

    public string BaseUrl => baseUrl;

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
            BaseURL = baseUrl,
        });
        return await context.NewPageAsync();
    }

    public Task Check(IPage page, string name, int? width = null) => WebFixture.CheckPageAsync(page, $"{folder}/{name}", width);

    /// <summary>Steps 1–3: registration on a phone, approval by the front office in its own context, the credential email, the forced password change.</summary>
    public async Task<IPage> RegisterAsync()
    {
        var person = PtspClient.NewApplicant();
        var applicant = await NewPageAsync(Phone, 780);
        await applicant.GotoAsync("/");
        await Check(applicant, "01-beranda", Phone);
        await applicant.GotoAsync("/daftar");
        await Check(applicant, "02-daftar", Phone);
        await applicant.GetByLabel("Nama lengkap").FillAsync(person.FullName);
        await applicant.GetByLabel("NIK (Nomor Induk Kependudukan)").FillAsync(person.Nik);
        await applicant.GetByLabel("Email").FillAsync(person.Email);
        await applicant.GetByLabel("Nomor telepon").FillAsync("081234567890");
        await applicant.GetByLabel("Alamat").FillAsync(person.Address);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Pendaftaran terkirim");
        await Check(applicant, "03-daftar-terkirim", Phone);

        var front = await NewPageAsync();
        await WebFixture.SignInAsync(front, "frontoffice", WebFixture.OfficerPassword);
        await Assertions.Expect(front.Locator("h1")).ToHaveTextAsync("Tugas saya");
        await Check(front, "03b-tugas-saya-front-office");
        await front.GetByRole(AriaRole.Link, new() { Name = "Pendaftaran akun yang menunggu persetujuan" }).ClickAsync();
        await WebFixture.ReloadUntilAsync(front, front.Locator("dd", new() { HasText = person.Email }));
        await Check(front, "04-petugas-pendaftaran");
        await front.Locator("section", new() { Has = front.Locator("dd", new() { HasText = person.Email }) })
            .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Setujui pendaftaran") }).ClickAsync();
        await Assertions.Expect(front.Locator("[role=status]")).ToContainTextAsync("Pendaftaran disetujui");
        await Check(front, "04b-pendaftaran-disetujui");
        await front.Context.CloseAsync();

        var (username, oneTime, _) = await mail.CredentialsAsync(person.Email);
        await applicant.GotoAsync("/masuk");
        await Check(applicant, "05-masuk", Phone);
        await applicant.GetByLabel("Username").FillAsync(username);
        await applicant.GetByLabel("Kata sandi").FillAsync(oneTime);
        await applicant.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(applicant).ToHaveURLAsync(new Regex("/ganti-kata-sandi"));
        await Check(applicant, "06-ganti-kata-sandi", Phone);
        await applicant.GetByLabel("Kata sandi saat ini").FillAsync(oneTime);
        await applicant.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(NewPassword);
        await applicant.GetByLabel("Ulangi kata sandi baru").FillAsync(NewPassword);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Permohonan saya");
        await Check(applicant, "07-permohonan-saya-kosong", Phone);
        return applicant;
    }

    /// <summary>Step 3: a Reklame application with its five uploads, submitted; returns its id (the page is left on its page).</summary>
    public async Task<Guid> ApplyAsync(IPage applicant, string business)
    {
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ajukan permohonan baru" }).ClickAsync();
        await Check(applicant, "08-pilih-jenis-izin", Phone);
        await applicant.GetByLabel("Izin Penyelenggaraan Reklame").CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await applicant.GetByLabel("Nama usaha").FillAsync(business);
        await applicant.GetByLabel("Alamat usaha").FillAsync("Jl. Veteran No. 5, Purwakarta");
        await applicant.GetByLabel("Uraian kegiatan usaha").FillAsync("Papan reklame 4 x 6 m di persimpangan Jl. Veteran.");
        await Check(applicant, "09-data-usaha", Phone);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Simpan dan lanjut ke dokumen" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Dokumen persyaratan");
        await Check(applicant, "10-dokumen", Phone);
        var documents = new[] { "KTP pemohon", "NPWP pemohon atau badan usaha", "Desain/foto reklame beserta ukuran dan naskah",
            "Denah dan titik koordinat lokasi reklame", "Surat persetujuan pemilik lahan/bangunan" };
        for (var i = 0; i < documents.Length; i++)
        {
            var name = documents[i];
            await applicant.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Check(applicant, $"11-unggah-{i + 1}", Phone);
            await UploadAsync(applicant, name == "KTP pemohon" ? ("ktp.pdf", "application/pdf", SampleFiles.Pdf("KTP")) : ("dokumen.png", "image/png", SampleFiles.Png));
            await Assertions.Expect(applicant.Locator("[role=status]")).ToContainTextAsync($"{name} berhasil diunggah");
            await Check(applicant, $"11-unggah-{i + 1}-berhasil", Phone);
        }

        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("5 dari 5 dokumen sudah diunggah");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Lanjut: periksa kembali" }).ClickAsync();
        await Check(applicant, "12-periksa-kembali", Phone);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ajukan permohonan" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Permohonan diajukan");
        await Check(applicant, "13-permohonan-diajukan", Phone);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Lihat halaman permohonan" }).ClickAsync();
        await Assertions.Expect(applicant).ToHaveURLAsync(new Regex("/permohonan/[0-9a-f-]{36}$"));
        await Check(applicant, "14-halaman-permohonan", Phone);
        return Guid.Parse(new Uri(applicant.Url).Segments[^1]);
    }

    /// <summary>
    /// The whole SOP by people at pages (issue 9): registration and approval, the application with its uploads, the front
    /// office's return and the resubmission, steps 4–10 with the section head returning the draft once, the applicant's
    /// timeline, the signed decision downloaded from its link and its QR code opened.
    /// </summary>
    public async Task WholeAsync(string business)
    {
        // Steps 1–3: registration, the front office's approval in a second context, the email, the forced password change.
        var applicant = await RegisterAsync();
        // Step 3: the application with its uploads.
        var id = await ApplyAsync(applicant, business);
        var applicationUrl = applicant.Url;

        // Step 4: the front office returns the file (the KTP is unreadable).
        var front = await NewPageAsync();
        await WebFixture.SignInAsync(front, "frontoffice", WebFixture.OfficerPassword);
        await WebFixture.ReloadUntilAsync(front, front.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }));
        await Check(front, "15-tugas-saya-front-office");
        await front.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) }).ClickAsync();
        await Assertions.Expect(front.Locator("#judul-tindakan")).ToHaveTextAsync("Tindakan: Pemeriksaan kelengkapan berkas");
        await Check(front, "16-berkas-kelengkapan");
        await front.GetByLabel("Tidak lengkap: kembalikan kepada pemohon").CheckAsync();
        await front.GetByLabel("KTP pemohon").CheckAsync();
        await front.GetByLabel("Catatan untuk pemohon").FillAsync("Foto KTP buram, unggah ulang hasil pindaian yang jelas.");
        await front.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Check(front, "17-berkas-konfirmasi-kembalikan");
        await front.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(front.Locator("[role=status]")).ToContainTextAsync("Berkas sekarang pada langkah 3, di meja Pemohon");
        await Check(front, "17b-berkas-dikembalikan");
        await front.Context.CloseAsync();

        // The applicant replaces the document and resubmits.
        await applicant.GotoAsync(applicationUrl);
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Foto KTP buram, unggah ulang hasil pindaian yang jelas."));
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Dikembalikan — perlu dilengkapi");
        await Check(applicant, "18-permohonan-dikembalikan", Phone);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ganti KTP pemohon" }).ClickAsync();
        await Check(applicant, "18b-ganti-ktp", Phone);
        await UploadAsync(applicant, ("ktp.png", "image/png", SampleFiles.Png));
        await Assertions.Expect(applicant.Locator("[role=status]")).ToContainTextAsync("KTP pemohon berhasil diunggah");
        await Check(applicant, "18c-ktp-diganti", Phone);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Lanjut: periksa kembali" }).ClickAsync();
        await Check(applicant, "19-periksa-kembali-ulang", Phone);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ajukan kembali" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".panel-berhasil")).ToContainTextAsync("Diajukan — pemeriksaan kelengkapan");
        await Check(applicant, "20-diajukan-kembali", Phone);

        // Steps 4 to 10, each officer at the file page; the section head returns the draft once, the back office redrafts.
        await ActAsync("frontoffice", id, "21-langkah-4", async page => await page.GetByLabel("Lengkap: terbitkan tanda terima").CheckAsync());
        await ActAsync("backoffice", id, "22-langkah-5", async page =>
        {
            await page.GetByLabel("Data teknis", new() { Exact = true }).FillAsync("Ukuran reklame: 4 x 6 m\nKetinggian: 8 m");
            await page.GetByLabel("Tempat rapat atau lokasi peninjauan").FillAsync("Persimpangan Jl. Veteran, Purwakarta");
        });
        await ActAsync("teknis", id, "23-langkah-6", RecommendAsync);
        await ActAsync("backoffice", id, "24-langkah-7", Draft("Reklame dipasang sesuai data teknis."));
        await ActAsync("kasi", id, "25-langkah-8-kembalikan", async page =>
        {
            await page.GetByLabel("Kembalikan ke penyusunan draf").CheckAsync();
            await page.GetByLabel("Catatan perbaikan").FillAsync("Sebutkan ukuran reklame dalam ketentuan tambahan.");
        }, "Berkas sekarang pada langkah 7, di meja Petugas Back Office");
        await ActAsync("backoffice", id, "26-langkah-7-perbaikan", Draft("Reklame berukuran 4 x 6 m dipasang sesuai data teknis yang diperiksa tim teknis."));
        await ActAsync("kasi", id, "27-langkah-8", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await ActAsync("kabid", id, "28-langkah-9", async page => await page.GetByLabel("Setujui", new() { Exact = true }).CheckAsync());
        await ActAsync("kepala", id, "29-langkah-10", async page => await page.GetByLabel("Tanda tangani").CheckAsync());

        // The section head's return is in the applicant's timeline in public words (its note stays internal).
        await applicant.GotoAsync(applicationUrl);
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Izin terbit"), TimeSpan.FromSeconds(60));
        await Assertions.Expect(applicant.Locator(".linimasa")).ToContainTextAsync("Draf keputusan diperbaiki");
        // The signed decision downloaded; its QR code decoded from the PDF opens the verification page: authentic.
        await DecisionAndItsQrCodeAsync(applicant, id, business, "30");
    }

    public static async Task UploadAsync(IPage page, (string Name, string Type, byte[] Content) file)
    {
        await page.Locator("#berkas").SetInputFilesAsync(new FilePayload { Name = file.Name, MimeType = file.Type, Buffer = file.Content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
    }

    public static async Task RecommendAsync(IPage page)
    {
        await page.Locator("#bap").SetInputFilesAsync(new FilePayload { Name = "bap.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("BAP peninjauan lapangan") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah BAP" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("BAP) sudah diunggah");
        await page.GetByLabel("Disetujui", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Catatan hasil kajian").FillAsync("Konstruksi aman, lokasi sesuai tata ruang.");
    }

    public static Func<IPage, Task> Draft(string conditions) => async page =>
    {
        await page.GetByLabel("Izin", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Masa berlaku izin").FillAsync("2 (dua) tahun");
        await page.GetByLabel("Ketentuan tambahan atau alasan lain").FillAsync(conditions);
    };

    /// <summary>One officer's step in a fresh context: worklist, the file, the form, confirmation, the file at its next step.</summary>
    public async Task ActAsync(string officer, Guid id, string name, Func<IPage, Task> fill, string? movedTo = null)
    {
        var page = await NewPageAsync();
        await WebFixture.SignInAsync(page, officer, WebFixture.OfficerPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tugas saya");
        await WebFixture.ReloadUntilAsync(page, page.Locator($"a[href='/tugas/{id}']"));
        await Check(page, $"{name}-tugas-saya");
        await page.Locator($"a[href='/tugas/{id}']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#judul-tindakan")).ToBeVisibleAsync();
        await Check(page, $"{name}-berkas");
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut: periksa sebelum mengirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#judul-konfirmasi")).ToBeVisibleAsync();
        await Check(page, $"{name}-konfirmasi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ya, kirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync(movedTo ?? "Tindakan Anda sudah dikirim");
        await Check(page, $"{name}-terkirim");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The applicant sees the permit and downloads the signed decision; its QR code, rendered from the PDF and decoded,
    /// is this site's verification address, which says authentic.
    /// </summary>
    public async Task DecisionAndItsQrCodeAsync(IPage applicant, Guid id, string business, string prefix)
    {
        await applicant.GotoAsync($"/permohonan/{id}");
        await WebFixture.ReloadUntilAsync(applicant, applicant.GetByText("Izin terbit"), TimeSpan.FromSeconds(60));
        await Check(applicant, $"{prefix}-izin-terbit", Phone);
        // The applicant's own click on "Unduh izin": the browser saves the signed PDF.
        var download = await applicant.RunAndWaitForDownloadAsync(() =>
            applicant.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Unduh izin") }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        // Saved under the decision's own number (e.g. 503-0001-IZN-REK-DPMPTSP-XI-2026.pdf).
        Assert.Matches(@"^503-\d{4}-IZN-REK-DPMPTSP-[IVX]+-\d{4}\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var qr = await QrCodeAsync(pdf);
        Assert.StartsWith(baseUrl + "/verify/", qr);
        var visitor = await NewPageAsync(Phone, 780);
        await visitor.GotoAsync(qr);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Dokumen terdaftar dan sah");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(business);
        await Check(visitor, $"{prefix}-verifikasi-dari-kode-qr", Phone);
        await visitor.Context.CloseAsync();
    }

    /// <summary>Renders the decision's pages with poppler's pdftoppm and reads its one QR code with zbar's zbarimg.</summary>
    public static async Task<string> QrCodeAsync(byte[] pdf)
    {
        var work = Directory.CreateTempSubdirectory("ptsp-qr-").FullName;
        try
        {
            var file = Path.Combine(work, "keputusan.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftoppm", "-r", "200", "-png", file, Path.Combine(work, "halaman"));
            var pages = Directory.GetFiles(work, "halaman*.png").Order().ToArray();
            // Every page: the one QR code of the decision, wherever the layout put it (zbarimg exits 4 on a page without one).
            var decoded = new List<string>();
            foreach (var page in pages)
                decoded.AddRange((await RunAsync("zbarimg", [0, 4], "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", page))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return Assert.Single(decoded);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static Task<string> RunAsync(string tool, params string[] arguments) => RunAsync(tool, [0], arguments);

    static async Task<string> RunAsync(string tool, int[] success, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils zbar-tools).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(success.Contains(process.ExitCode), $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
