using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Tests;

/// <summary>The administrator keeps the working calendar through the API; Workflow judges it and counts open due times again (issue 15).</summary>
public sealed class CalendarApiTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task A_holiday_added_through_the_API_moves_an_open_step_s_due_time_and_the_history_says_why()
    {
        var (applicant, frontOffice) = await ApplicantAndFrontOfficeAsync();
        var id = await SubmittedApplicationAsync(applicant, frontOffice);
        var before = await DetailAsync(id, frontOffice);
        var due = before.Get<DateTimeOffset>("dueAt");
        var submittedAt = before["history"]!.AsArray().Last(h => h.Get<string>("action").StartsWith("Permohonan diajukan", StringComparison.Ordinal))
            .Get<DateTimeOffset>("at");

        // The day the completeness check is due on becomes a cuti bersama: its one working hour is counted again without that day.
        var day = DateOnly.FromDateTime(due.DateTime);
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var put = await PutAsync($"/api/v1/calendar/{day.Year}",
            new { holidays = new[] { new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = "Cuti bersama Uji" } } }, admin);
        await PtspClient.Expect(put, HttpStatusCode.OK);
        var view = await PtspClient.Json(put);
        Assert.Equal(1, view.Get<long>("revision"));
        Assert.Equal("Cuti bersama Uji", view["holidays"]![0].Get<string>("name"));

        var expected = new WorkingCalendar(new CalendarOptions { Holidays = [new Holiday(day, "Cuti bersama Uji")] }).Add(submittedAt, TimeSpan.FromHours(1));
        Assert.NotEqual(due, expected);
        var after = await WaitAsync(async () =>
        {
            var detail = await DetailAsync(id, frontOffice);
            return detail.Get<DateTimeOffset>("dueAt") != due ? detail : null;
        });
        Assert.Equal(expected, after.Get<DateTimeOffset>("dueAt"));
        var moved = Assert.Single(after["history"]!.AsArray(), h => h.Get<string>("action").StartsWith("Batas waktu bergeser", StringComparison.Ordinal))!;
        Assert.Equal($"Batas waktu bergeser karena hari libur: Cuti bersama Uji ({day:dd-MM-yyyy})", moved.Get<string>("action"));
        Assert.Equal(("admin", "Administrator"), (moved.Get<string>("actor"), moved.Get<string>("role")));
        Assert.Contains(expected.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture), moved.Get<string>("note"));

        // The file and the worklist say the working time left, counted with the new calendar by the Gateway (the web app only shows it).
        var counted = new WorkingCalendar(new CalendarOptions { Holidays = [new Holiday(day, "Cuti bersama Uji")] });
        var from = DateTimeOffset.UtcNow;
        var detail = await DetailAsync(id, frontOffice);
        var tasksResponse = await ptsp.Api.GetAsync("/api/v1/tasks", frontOffice);
        await PtspClient.Expect(tasksResponse, HttpStatusCode.OK);
        var tasks = JsonNode.Parse(await tasksResponse.Content.ReadAsStringAsync())!.AsArray();
        var to = DateTimeOffset.UtcNow;
        var (most, least) = ((int)counted.Between(from, expected).TotalMinutes, (int)counted.Between(to, expected).TotalMinutes);
        Assert.InRange(detail.Get<int>("workingMinutesLeft"), least, most);
        Assert.Equal(0, detail.Get<int>("workingMinutesOverdue"));
        var item = Assert.Single(tasks, t => t.Get<Guid>("applicationId") == id)!;
        Assert.InRange(item.Get<int>("workingMinutesLeft"), least, most);
        Assert.Equal(0, item.Get<int>("workingMinutesOverdue"));

        // Every officer reads the calendar; the same year again changes nothing (no new revision, no second history line).
        var read = await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/calendar?year={day.Year}", frontOffice));
        Assert.Equal((1L, "admin"), (read.Get<long>("revision"), read.Get<string>("changedBy")));
        Assert.Equal("07:30-12:00,13:00-16:00", read["week"]!.Get<string>("Mon"));
        await PtspClient.Expect(await PutAsync($"/api/v1/calendar/{day.Year}",
            new { holidays = new[] { new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = "Cuti bersama Uji" } } }, admin), HttpStatusCode.OK);
        Assert.Equal(1, (await PtspClient.Json(await ptsp.Api.GetAsync($"/api/v1/calendar?year={day.Year}", frontOffice))).Get<long>("revision"));
    }

    [Fact]
    public async Task Only_the_administrator_changes_the_calendar_and_applicants_do_not_read_it()
    {
        var (applicant, frontOffice) = await ApplicantAndFrontOfficeAsync();
        var body = new { holidays = new[] { new { date = "2027-01-01", name = "Tahun Baru" } } };
        await PtspClient.ExpectProblem(await PutAsync("/api/v1/calendar/2027", body, frontOffice), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await PutAsync("/api/v1/calendar/2027", body, applicant), HttpStatusCode.Forbidden);
        await PtspClient.ExpectProblem(await PutAsync("/api/v1/calendar/2027", body, null), HttpStatusCode.Unauthorized);
        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync("/api/v1/calendar?year=2027", applicant), HttpStatusCode.Forbidden);
        var view = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/calendar?year=2027", frontOffice));
        Assert.Empty(view["holidays"]!.AsArray());
    }

    [Fact]
    public async Task Bad_calendar_input_is_refused_by_Workflow_in_Bahasa_Indonesia_and_nothing_changes()
    {
        var admin = await ptsp.Api.TokenAsync("admin", InProcessPtsp.OfficerPassword);
        var response = await PutAsync("/api/v1/calendar/2028", new
        {
            holidays = new[] { new { date = "2029-01-01", name = "Tahun Baru" }, new { date = "2028-08-17", name = "" } },
            overrides = new[] { new { name = "Ramadan", from = "2028-01-27", to = "2028-02-25", week = new Dictionary<string, string> { ["Mon"] = "15:00-08:00", ["Funday"] = "08:00-12:00" } } },
        }, admin);
        var problem = await PtspClient.ExpectProblem(response, HttpStatusCode.BadRequest, "holidays[0].date", "holidays[1].name", "overrides[0].week.Mon",
            "overrides[0].week.Funday");
        Assert.Equal("Kalender kerja tidak valid; tidak ada yang diubah.", problem.Get<string>("title"));
        Assert.Contains("tidak berada di tahun 2028", problem["errors"]!["holidays[0].date"]![0]!.GetValue<string>());

        await PtspClient.ExpectProblem(await ptsp.Api.SendAsync(HttpMethod.Put, "/api/v1/calendar/2028",
            new StringContent("{\"holidays\":[{\"date\":\"17-08-2028\",\"name\":\"HUT RI\"}]}", System.Text.Encoding.UTF8, "application/json"), admin),
            HttpStatusCode.BadRequest);
        var view = await PtspClient.Json(await ptsp.Api.GetAsync("/api/v1/calendar?year=2028", admin));
        Assert.Empty(view["holidays"]!.AsArray());
        Assert.Empty(view["overrides"]!.AsArray());
    }

    Task<HttpResponseMessage> PutAsync(string path, object body, string? token) => ptsp.Api.SendAsync(HttpMethod.Put, path, JsonContent.Create(body), token);

    async Task<JsonObject> DetailAsync(Guid id, string token)
    {
        var response = await ptsp.Api.GetAsync($"/api/v1/applications/{id}", token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return await PtspClient.Json(response);
    }

    static async Task<JsonObject> WaitAsync(Func<Task<JsonObject?>> probe)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found)
                return found;
            await Task.Delay(100);
        }

        Assert.Fail("The due time did not move within 15 s.");
        return null!;
    }

    async Task<(string Applicant, string FrontOffice)> ApplicantAndFrontOfficeAsync()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var applicant = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Dewi Lestari");
        return (applicant.Token, frontOffice);
    }

    async Task<Guid> SubmittedApplicationAsync(string applicant, string frontOffice)
    {
        var id = await ptsp.Api.CreateApplicationAsync(applicant, "REKLAME");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, "REKLAME", applicant);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant);
        await ptsp.Api.WaitForAsync(id, frontOffice, "Submitted", 4);
        return id;
    }
}
