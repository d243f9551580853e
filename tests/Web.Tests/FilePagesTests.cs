using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// Issue 10 in the browser: the applicant edits the business data and withdraws with a confirmation; the officer's file page shows the
/// uploaded documents and the technical data; the applicant's page shows no internal note.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FilePagesTests(WebFixture web)
{
    [Fact]
    public async Task The_applicant_edits_the_draft_and_withdraws_while_officers_see_documents_and_technical_data_the_applicant_does_not()
    {
        var (username, password) = await web.ApplicantAsync();
        var token = await web.Api.TokenAsync(username, password);
        var id = await web.Api.CreateApplicationAsync(token, "PENELITIAN", "CV Nama Lama");
        await web.Api.WaitForAsync(id, token, "Draft", 3);

        // The edit form, prefilled, at phone width.
        var applicant = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(applicant, username, password);
        await applicant.GotoAsync($"/permohonan/{id}");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Ubah data usaha" }).ClickAsync();
        await Assertions.Expect(applicant.GetByLabel("Nama usaha")).ToHaveValueAsync("CV Nama Lama");
        await applicant.GetByLabel("Nama usaha").FillAsync("");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".pesan-galat").First).ToContainTextAsync("Nama usaha wajib diisi");
        await WebFixture.CheckPageAsync(applicant, "60-ubah-data-usaha-galat", 360);
        await applicant.GetByLabel("Nama usaha").FillAsync("CV Nama Baru");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToContainTextAsync("CV Nama Baru");

        // Officers take the file to step 7, the technical team leaving an internal note.
        await web.Api.UploadAllDocumentsAsync(id, "PENELITIAN", token);
        await web.Api.ActAsync(id, "submit", new { }, token);
        var frontOffice = await web.Api.TokenAsync("frontoffice", WebFixture.OfficerPassword);
        await web.Api.WaitForAsync(id, frontOffice, "Submitted", 4);
        await web.Api.ActAsync(id, "completeness", new { complete = true }, frontOffice);
        var backOffice = await web.Api.TokenAsync("backoffice", WebFixture.OfficerPassword);
        await web.Api.WaitForAsync(id, backOffice, "InTechnicalReview", 5);
        await web.Api.ActAsync(id, "technical-data", new
        {
            data = new Dictionary<string, string> { ["Judul penelitian"] = "Tata ruang Purwakarta" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula DPMPTSP" },
        }, backOffice);
        var teknis = await web.Api.TokenAsync("teknis", WebFixture.OfficerPassword);
        await web.Api.WaitForAsync(id, teknis, "InTechnicalReview", 6);

        // Step 6: the technical team moves the meeting, inside the NSPK window, for a reason; a date past it is refused at the field.
        var team = await web.NewPageAsync();
        await WebFixture.SignInAsync(team, "teknis", WebFixture.OfficerPassword);
        await team.GotoAsync($"/tugas/{id}");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        await team.GetByLabel("Jadwal baru (WIB)").FillAsync(local.AddDays(40).ToString("yyyy-MM-ddTHH:mm"));
        await team.GetByLabel("Alasan perubahan jadwal").FillAsync("Ketua tim berhalangan.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Simpan jadwal baru" }).ClickAsync();
        await Assertions.Expect(team.Locator("#jadwalBaru-galat")).ToContainTextAsync("NSPK");
        await team.GetByLabel("Jadwal baru (WIB)").FillAsync(local.AddHours(3).ToString("yyyy-MM-ddTHH:mm"));
        await team.GetByRole(AriaRole.Button, new() { Name = "Simpan jadwal baru" }).ClickAsync();
        await Assertions.Expect(team.Locator("[role=status]")).ToContainTextAsync("Jadwal baru sudah disimpan");
        await WebFixture.ReloadUntilAsync(team, team.GetByText("Alasan: Ketua tim berhalangan."));
        await WebFixture.CheckPageAsync(team, "64-jadwal-kajian-diubah");
        await team.Context.CloseAsync();
        await web.Api.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "CATATAN-INTERNAL tim teknis" }, teknis);
        await web.Api.WaitForAsync(id, backOffice, "InDrafting", 7);

        var officer = await web.NewPageAsync();
        await WebFixture.SignInAsync(officer, "kasi", WebFixture.OfficerPassword);
        await officer.GotoAsync($"/tugas/{id}");
        await Assertions.Expect(officer.GetByRole(AriaRole.Table)).ToContainTextAsync("SHA-256");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "KTP", Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Tata ruang Purwakarta");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("CATATAN-INTERNAL tim teknis");
        await WebFixture.CheckPageAsync(officer, "61-berkas-dokumen-dan-data-teknis");
        await officer.Context.CloseAsync();

        // The applicant reads the public wording, and withdraws after confirming.
        await applicant.GotoAsync($"/permohonan/{id}");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Kajian teknis selesai");
        Assert.DoesNotContain("CATATAN-INTERNAL", await applicant.Locator("main").InnerTextAsync());
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Tarik permohonan" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Tarik permohonan?");
        await applicant.GetByLabel("Alasan penarikan").FillAsync("Penelitian ditunda tahun depan.");
        await WebFixture.CheckPageAsync(applicant, "62-tarik-permohonan", 360);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Ya, tarik permohonan" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Dibatalkan oleh pemohon");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Penelitian ditunda tahun depan.");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "Tarik permohonan" })).ToHaveCountAsync(0);
        await WebFixture.CheckPageAsync(applicant, "63-permohonan-ditarik", 360);
    }
}
