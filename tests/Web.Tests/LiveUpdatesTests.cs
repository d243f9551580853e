using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>Lists follow the Gateway's push channel: a file that moves shows up without anyone reloading the page.</summary>
[Collection(WebCollection.Name)]
public sealed class LiveUpdatesTests(WebFixture web)
{
    [Fact]
    public async Task A_file_submitted_while_the_front_office_looks_at_its_worklist_appears_without_a_reload()
    {
        var (username, password) = await web.ApplicantAsync();
        var officer = await web.NewPageAsync();
        await WebFixture.SignInAsync(officer, "frontoffice", WebFixture.OfficerPassword);
        await officer.GotoAsync("/tugas");
        // Marks this document: a reload or a navigation would drop the mark.
        await officer.EvaluateAsync("() => { window.__samePage = true; }");
        await officer.Locator("html[data-langsung-terhubung=ya]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var business = $"Warung Langsung {Guid.NewGuid().ToString()[..6]}";
        await web.SubmittedApplicationAsync(username, password, business);

        var row = officer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(business)) });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.True(await officer.EvaluateAsync<bool>("() => window.__samePage === true"), "The worklist was reloaded instead of updated in place.");
        await Assertions.Expect(officer.Locator("#langsung-status")).ToContainTextAsync("Diperbarui otomatis");
        await WebFixture.CheckPageAsync(officer, "60-tugas-diperbarui-langsung");
    }

    [Fact]
    public async Task The_applicants_page_follows_its_file_and_the_relay_needs_a_session()
    {
        var (username, password) = await web.ApplicantAsync();
        var id = await web.SubmittedApplicationAsync(username, password, $"Kios Pantau {Guid.NewGuid().ToString()[..6]}");
        var applicant = await web.NewPageAsync(360, 780);
        await WebFixture.SignInAsync(applicant, username, password);
        await applicant.GotoAsync($"/permohonan/{id}");
        await WebFixture.ReloadUntilAsync(applicant, applicant.Locator("main", new() { HasTextString = "Diajukan — pemeriksaan kelengkapan" }));
        await applicant.EvaluateAsync("() => { window.__samePage = true; }");
        await applicant.Locator("html[data-langsung-terhubung=ya]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var frontOffice = await web.Api.TokenAsync("frontoffice", WebFixture.OfficerPassword);
        await Ptsp.EndToEnd.Tests.Infrastructure.PtspClient.Expect(
            await web.Api.PostAsync($"/api/v1/applications/{id}/completeness", new { complete = true }, frontOffice), System.Net.HttpStatusCode.Accepted);

        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Kajian teknis", new() { Timeout = 15_000 });
        Assert.True(await applicant.EvaluateAsync<bool>("() => window.__samePage === true"));

        // Without a session the relay opens nothing.
        var anonymous = await web.NewPageAsync();
        var response = await anonymous.Context.APIRequest.GetAsync("/langsung", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, response.Status);
    }
}
