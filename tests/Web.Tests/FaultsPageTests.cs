using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// Issue 9, the administrator's faults view (ADR 0014) at /admin/gangguan. The fault is real, made as FaultsApiTests makes it: Workflow's
/// stored record of an application is damaged in its SQLite file, so the front office's acceptance cannot be taken in; the record is
/// restored, the administrator replays the message from the page, and the file goes on to step 5.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FaultsPageTests(WebFixture web)
{
    const int Phone = 360;

    [Fact]
    public async Task The_administrator_sees_a_real_fault_replays_it_after_a_confirmation_and_it_is_gone()
    {
        var officers = await QuickPermit.OfficersAsync(web.Api, WebFixture.OfficerPassword);
        var (_, applicant, _) = await QuickPermit.ApplicantAsync(web.Api, web.Mail, officers["FrontOffice"], "Rina Gangguan");
        var id = await web.Api.CreateApplicationAsync(applicant, QuickPermit.PermitType, "CV Pesan Tertahan");
        await web.Api.WaitForAsync(id, applicant, "Draft", 3);
        await web.Api.UploadAllDocumentsAsync(id, QuickPermit.PermitType, applicant);
        await web.Api.ActAsync(id, "submit", new { }, applicant);
        await web.Api.WaitForAsync(id, officers["FrontOffice"], "Submitted", 4);

        var damage = await DamagedSagaRecord.DamageAsync(web.DataDirectory, id);
        await web.Api.ActAsync(id, "completeness", new { complete = true }, officers["FrontOffice"]);
        await DamagedSagaRecord.WaitForFaultAsync(web.Api, id, officers["Administrator"]);

        // Reached from the administrator's menu; the fault is in words, with its service, its application and its error.
        var page = await web.NewPageAsync(1280, 900);
        await WebFixture.SignInAsync(page, "admin", WebFixture.OfficerPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gangguan pesan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gangguan pesan");
        var row = page.Locator("#tabel-gangguan tbody tr", new() { HasText = id.ToString() });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Berkas dinyatakan lengkap");
        await Assertions.Expect(row).ToContainTextAsync("Aplikasi terpadu");
        await Assertions.Expect(row).ToContainTextAsync("FormatException");
        await Assertions.Expect(row).ToContainTextAsync("Belum ditangani");
        await Assertions.Expect(row.Locator("time")).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}\.\d{2}$"));
        // The administrator reads what was done with the file in the audit log (the file itself is the officers').
        var fileLink = row.GetByRole(AriaRole.Link, new() { Name = "Riwayat berkas di log audit" });
        Assert.Equal($"/admin/audit?permohonan={id}", await fileLink.GetAttributeAsync("href"));
        await WebFixture.CheckPageAsync(page, "82-gangguan");

        // Replay asks first; "Batal" changes nothing.
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Kirim ulang") }).ClickAsync();
        var confirmation = page.Locator("#konfirmasi");
        await Assertions.Expect(confirmation.Locator("h2")).ToHaveTextAsync("Kirim ulang pesan ini?");
        await Assertions.Expect(confirmation).ToContainTextAsync(id.ToString());
        await WebFixture.CheckPageAsync(page, "83-gangguan-konfirmasi");
        await confirmation.GetByRole(AriaRole.Link, new() { Name = "Batal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#konfirmasi")).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("Belum ditangani");

        // Fixed, then replayed from the page: the result is said, the fault leaves the open list and the file goes on.
        await damage.RestoreAsync();
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Kirim ulang") }).ClickAsync();
        var confirmUrl = page.Url;
        await page.Locator("#konfirmasi").GetByRole(AriaRole.Button, new() { Name = "Ya, kirim ulang" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hasil")).ToContainTextAsync("sudah dikirim ulang");
        await Assertions.Expect(page.Locator("#tabel-gangguan tbody tr", new() { HasText = id.ToString() })).ToHaveCountAsync(0);
        await WebFixture.CheckPageAsync(page, "84-gangguan-dikirim-ulang");
        await web.Api.WaitForAsync(id, officers["BackOffice"], "InTechnicalReview", 5);

        // Dealt with: listed among all faults as replayed by the administrator; asking again says so instead of acting twice.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tampilkan juga gangguan yang sudah ditangani" }).ClickAsync();
        var dealt = page.Locator("#tabel-gangguan tbody tr", new() { HasText = id.ToString() });
        await Assertions.Expect(dealt).ToContainTextAsync("Dikirim ulang");
        await Assertions.Expect(dealt).ToContainTextAsync("oleh admin");
        await Assertions.Expect(dealt.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Kirim ulang") })).ToHaveCountAsync(0);
        var faultId = (await dealt.Locator("details code").First.TextContentAsync())!.Trim();
        await page.GotoAsync(confirmUrl);
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("tidak ada lagi di daftar gangguan terbuka");
        await Assertions.Expect(page.Locator("#konfirmasi")).ToHaveCountAsync(0);
        // A replay posted again anyway (a second tab still showing the confirmation) gets the keeper's answer, not a failure.
        await page.EvaluateAsync(@"id => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = '/admin/gangguan';
            for (const [name, value] of [['Tindakan', 'kirim-ulang'], ['Gangguan', id],
                     ['__RequestVerificationToken', document.querySelector('input[name=__RequestVerificationToken]').value]]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
        }", faultId);
        await Assertions.Expect(page.Locator(".ringkasan-galat")).ToContainTextAsync("sudah ditangani (dikirim ulang oleh admin)");

        // The audit log names the replay in words.
        await page.GotoAsync($"/admin/audit?tindakan={Uri.EscapeDataString("POST ops/faults/{id}/replay")}");
        await WebFixture.ReloadUntilAsync(page, page.Locator("#log-audit tbody tr"));
        var replayEntry = page.Locator("#log-audit tbody tr").First;
        await Assertions.Expect(replayEntry).ToContainTextAsync("Mengirim ulang pesan gangguan");
        await Assertions.Expect(replayEntry).Not.ToContainTextAsync("POST ops/faults");
        await Assertions.Expect(replayEntry.GetByRole(AriaRole.Link, new() { Name = faultId })).ToHaveAttributeAsync("href", "/admin/gangguan?semua=true");
        // What was done with the file, in words, each entry linking to the same file's history.
        await page.GotoAsync($"/admin/audit?permohonan={id}");
        var completeness = page.Locator("#log-audit tbody tr", new() { HasText = "Memeriksa kelengkapan berkas" });
        await Assertions.Expect(completeness).ToHaveCountAsync(1);
        await Assertions.Expect(completeness).Not.ToContainTextAsync("applications/{id}");
        await Assertions.Expect(completeness.GetByRole(AriaRole.Link, new() { Name = id.ToString() }))
            .ToHaveAttributeAsync("href", $"/admin/audit?permohonan={id}");
        await Assertions.Expect(page.Locator("#log-audit tbody tr", new() { HasText = "Mengunggah dokumen persyaratan" }).First).ToContainTextAsync("Dokumen");

        // On a phone nothing scrolls sideways, with a fault's details open.
        var phone = await web.NewPageAsync(Phone, 780);
        await WebFixture.SignInAsync(phone, "admin", WebFixture.OfficerPassword);
        await phone.GotoAsync("/admin/gangguan?semua=true");
        var phoneRow = phone.Locator("#tabel-gangguan tbody tr", new() { HasText = id.ToString() });
        await phoneRow.Locator("summary").ClickAsync();
        await WebFixture.CheckPageAsync(phone, "85-gangguan-ponsel", Phone);
        // And the file's audit history on a phone: actions in words, stacked, links that wrap.
        await phone.GotoAsync($"/admin/audit?permohonan={id}");
        await Assertions.Expect(phone.Locator("#log-audit tbody tr", new() { HasText = "Memeriksa kelengkapan berkas" })).ToHaveCountAsync(1);
        await WebFixture.CheckPageAsync(phone, "87-log-audit-berkas-ponsel", Phone);
    }

    [Fact]
    public async Task Only_the_administrator_reaches_the_faults_view_and_a_bad_action_is_said_not_failed()
    {
        var officer = await web.NewPageAsync(1280, 900);
        await WebFixture.SignInAsync(officer, "kabid", WebFixture.OfficerPassword);
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Gangguan pesan" })).ToHaveCountAsync(0);
        await officer.GotoAsync("/admin/gangguan");
        await Assertions.Expect(officer.Locator("h1")).Not.ToHaveTextAsync("Gangguan pesan");

        var admin = await web.NewPageAsync(1280, 900);
        await WebFixture.SignInAsync(admin, "admin", WebFixture.OfficerPassword);
        var response = await admin.GotoAsync("/admin/gangguan?tindakan=hapus&gangguan=ptsp.tidak-ada");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(admin.Locator(".ringkasan-galat")).ToContainTextAsync("Tindakan tidak dikenal");
        response = await admin.GotoAsync("/admin/gangguan?tindakan=buang&gangguan=ptsp.tidak-ada");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(admin.Locator(".ringkasan-galat")).ToContainTextAsync("tidak ada lagi di daftar");
        await WebFixture.CheckPageAsync(admin, "86-gangguan-tidak-ditemukan");
    }
}
