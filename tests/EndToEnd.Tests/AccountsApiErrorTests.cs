using System.Net;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>Bad input gets a clear problem (Bahasa Indonesia), never a 500, and changes nothing.</summary>
public sealed class AccountsApiErrorTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    PtspClient Api => ptsp.Client;

    [Theory]
    [InlineData("nik", "12345")]
    [InlineData("nik", "32140155059A0001")]
    [InlineData("nik", "3214019913900001")]
    [InlineData("email", "bukan-email")]
    [InlineData("email", "nama@localhost")]
    [InlineData("phone", "12345")]
    [InlineData("phone", "+1 202 555 0100")]
    [InlineData("fullName", "")]
    [InlineData("address", " ")]
    [InlineData("npwp", "123")]
    public async Task An_invalid_field_is_a_400_naming_the_field(string field, string value)
    {
        var applicant = new Dictionary<string, string?>
        {
            ["fullName"] = "Rina Marlina",
            ["nik"] = PtspClient.Nik(),
            ["email"] = $"rina.{Guid.NewGuid():N}@contoh.co.id",
            ["phone"] = "+62 812 3456 7890",
            ["address"] = "Jl. Ibrahim Singadilaga 5, Purwakarta",
            [field] = value,
        };
        var problem = await PtspClient.ExpectProblem(await Api.PostAsync("/api/v1/registrations", applicant), HttpStatusCode.BadRequest, field);
        Assert.Matches("[a-z]", problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"fullName\": 42}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_body_that_is_not_the_expected_JSON_is_a_400(string body)
    {
        var response = await Api.PostRawAsync("/api/v1/registrations", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_at_all_is_refused_without_a_500()
    {
        var response = await Api.PostRawAsync("/api/v1/registrations", "nama=budi", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        response = await Api.PostRawAsync("/api/v1/auth/login", new string('x', 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_NIK_or_email_that_is_pending_or_active_cannot_register_again()
    {
        var applicant = PtspClient.NewApplicant();
        await Api.RegisterAsync(applicant);
        var nik = applicant.Nik;
        var email = applicant.Email;

        await PtspClient.ExpectProblem(await Api.PostAsync("/api/v1/registrations", PtspClient.NewApplicant(nik: nik)), HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await Api.PostAsync("/api/v1/registrations", PtspClient.NewApplicant(email: email.ToUpperInvariant())),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_rejected_applicant_is_told_why_and_may_register_again()
    {
        var applicant = PtspClient.NewApplicant();
        var nik = applicant.Nik;
        var email = applicant.Email;
        var id = await Api.RegisterAsync(applicant);
        var frontOffice = await Api.TokenAsync("frontoffice", EmbeddedFixture.OfficerPassword);

        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/registrations/{id}/reject", new { reason = "" }, frontOffice),
            HttpStatusCode.BadRequest, "reason");
        await PtspClient.Expect(await Api.PostAsync($"/api/v1/registrations/{id}/reject", new { reason = "Foto KTP tidak terbaca." }, frontOffice),
            HttpStatusCode.Accepted);
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOffice), HttpStatusCode.Conflict);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!ptsp.Mail.To(email).Any(m => m.TextBody!.Contains("Foto KTP tidak terbaca.")) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Contains(ptsp.Mail.To(email), m => m.Subject == "Pendaftaran akun PTSP ditolak" && m.TextBody!.Contains("Foto KTP tidak terbaca."));

        await Api.RegisterAsync(PtspClient.NewApplicant(nik: nik, email: email));
    }

    [Fact]
    public async Task Approving_twice_is_a_conflict_and_an_unknown_registration_is_not_found()
    {
        var frontOffice = await Api.TokenAsync("frontoffice", EmbeddedFixture.OfficerPassword);
        var id = await Api.RegisterAsync(PtspClient.NewApplicant());

        await PtspClient.Expect(await Api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOffice), HttpStatusCode.Accepted);
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOffice), HttpStatusCode.Conflict);
        await PtspClient.ExpectProblem(await Api.PostAsync($"/api/v1/registrations/{Guid.NewGuid()}/approve", null, frontOffice),
            HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync("/api/v1/registrations/bukan-guid/approve", null, frontOffice)).StatusCode);
    }

    [Fact]
    public async Task An_applicant_who_has_not_changed_the_one_time_password_can_do_nothing_else()
    {
        var applicant = PtspClient.NewApplicant(fullName: "Yusuf Maulana");
        var email = applicant.Email;
        var id = await Api.RegisterAsync(applicant);
        var frontOffice = await Api.TokenAsync("frontoffice", EmbeddedFixture.OfficerPassword);
        await PtspClient.Expect(await Api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOffice), HttpStatusCode.Accepted);
        var (username, password, _) = await ptsp.Mail.CredentialsAsync(email);
        var token = await Api.TokenAsync(username, password);

        await PtspClient.ExpectProblem(await Api.GetAsync("/api/v1/registrations", token), HttpStatusCode.Forbidden);
        var weak = await Api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "pendek" }, token);
        await PtspClient.ExpectProblem(weak, HttpStatusCode.BadRequest, "newPassword");
        var wrong = await Api.PostAsync("/api/v1/auth/password", new { currentPassword = "salah-sekali-1", newPassword = "KataSandiKuat99" }, token);
        await PtspClient.ExpectProblem(wrong, HttpStatusCode.BadRequest, "currentPassword");
        Assert.True((await Api.LoginAsync(username, password)).Get<bool>("mustChangePassword"));
    }

    [Fact]
    public async Task Wrong_passwords_are_401_alike_for_known_and_unknown_users_and_then_throttled()
    {
        var known = await Api.PostAsync("/api/v1/auth/login", new { username = "kasi", password = "salah" });
        var unknown = await Api.PostAsync("/api/v1/auth/login", new { username = "tidak.ada", password = "salah" });
        var knownProblem = await PtspClient.ExpectProblem(known, HttpStatusCode.Unauthorized);
        var unknownProblem = await PtspClient.ExpectProblem(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(knownProblem["title"]!.GetValue<string>(), unknownProblem["title"]!.GetValue<string>());

        var target = "penebak." + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
            await PtspClient.ExpectProblem(await Api.PostAsync("/api/v1/auth/login", new { username = target, password = $"tebakan{i}" }),
                HttpStatusCode.Unauthorized);
        var throttled = await Api.PostAsync("/api/v1/auth/login", new { username = target, password = "tebakan6" });
        await PtspClient.ExpectProblem(throttled, HttpStatusCode.TooManyRequests);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another user is not affected.
        await Api.LoginAsync("kabid", EmbeddedFixture.OfficerPassword);
    }

    [Fact]
    public async Task A_status_filter_that_does_not_exist_is_a_400()
    {
        var frontOffice = await Api.TokenAsync("frontoffice", EmbeddedFixture.OfficerPassword);
        await PtspClient.ExpectProblem(await Api.GetAsync("/api/v1/registrations?status=Semua", frontOffice), HttpStatusCode.BadRequest, "status");
    }
}
