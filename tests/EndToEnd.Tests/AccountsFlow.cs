using System.Net;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Hosting.Calendar;

namespace Ptsp.EndToEnd.Tests;

/// <summary>
/// SOP steps 1–3 through the public API, the same in every mode: register → FrontOffice sees it pending
/// with its due time → approve → credential email → first login must change the password → change it →
/// the new password works and the old one does not.
/// </summary>
public static class AccountsFlow
{
    public static async Task RunAsync(PtspClient api, MailPickup mail, string officerPassword)
    {
        var applicant = PtspClient.NewApplicant(fullName: "Dewi Lestari Anggraini");
        var email = applicant.Email;
        var nik = applicant.Nik;

        // Step 1.
        var before = DateTimeOffset.UtcNow;
        var registrationId = await api.RegisterAsync(applicant);
        var after = DateTimeOffset.UtcNow;

        // Step 2: FrontOffice's worklist shows it with a due time one working hour after submission.
        var frontOffice = await api.TokenAsync("frontoffice", officerPassword);
        var pending = await api.WaitForPendingAsync(registrationId, frontOffice);
        Assert.Equal(nik, pending.Get<string>("nik"));
        Assert.Equal(email, pending.Get<string>("email"));
        var submittedAt = pending.Get<DateTimeOffset>("submittedAt");
        Assert.InRange(submittedAt, before.AddSeconds(-1), after.AddSeconds(1));
        var calendar = new WorkingCalendar(new CalendarOptions());
        Assert.Equal(calendar.Add(submittedAt, TimeSpan.FromHours(1)), pending.Get<DateTimeOffset>("dueAt"));
        Assert.Equal(TimeSpan.FromHours(7), pending.Get<DateTimeOffset>("dueAt").Offset);
        Assert.False(pending.Get<bool>("overdue"));

        await PtspClient.Expect(await api.PostAsync($"/api/v1/registrations/{registrationId}/approve", null, frontOffice), HttpStatusCode.Accepted);

        // Step 3: the credentials arrive by email.
        var (username, oneTimePassword, message) = await mail.CredentialsAsync(email);
        Assert.Equal("dewi.anggraini", username);
        Assert.Equal("Akun PTSP Anda telah aktif", message.Subject);

        var first = await api.LoginAsync(username, oneTimePassword);
        Assert.True(first.Get<bool>("mustChangePassword"));
        Assert.Equal(["Applicant"], first["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(username, first.Get<string>("username"));
        Assert.True(first.Get<DateTimeOffset>("expiresAt") > DateTimeOffset.UtcNow);

        const string newPassword = "KataSandiBaru2026";
        var change = await api.PostAsync("/api/v1/auth/password", new { currentPassword = oneTimePassword, newPassword },
            first.Get<string>("accessToken"));
        await PtspClient.Expect(change, HttpStatusCode.NoContent);

        var second = await api.LoginAsync(username, newPassword);
        Assert.False(second.Get<bool>("mustChangePassword"));
        await PtspClient.ExpectProblem(await api.PostAsync("/api/v1/auth/login", new { username, password = oneTimePassword }),
            HttpStatusCode.Unauthorized);

        // Approved: no longer pending; listed as approved.
        var approved = await api.GetAsync("/api/v1/registrations?status=Approved", frontOffice);
        Assert.Contains(registrationId.ToString(), await approved.Content.ReadAsStringAsync());
        Assert.Single(mail.CredentialMails(email));
    }
}

/// <summary>People the permit tests need: an applicant with an active account and the officers.</summary>
public sealed class Cast
{
    public required string Applicant { get; init; }

    public required string ApplicantToken { get; init; }

    public required string ApplicantName { get; init; }

    /// <summary>The registered address, where the applicant is told of each step of an application.</summary>
    public required string ApplicantEmail { get; init; }

    public required IReadOnlyDictionary<string, string> Officers { get; init; }

    public string this[string role] => Officers[role];

    public static async Task<Cast> AssembleAsync(PtspClient api, MailPickup mail, string officerPassword, string fullName = "Rudi Hartono")
    {
        var officers = new Dictionary<string, string>();
        foreach (var (username, role) in new[] { ("frontoffice", "FrontOffice"), ("backoffice", "BackOffice"), ("teknis", "TechnicalTeam"),
                     ("kasi", "SectionHead"), ("kabid", "DivisionHead"), ("kepala", "AgencyHead"), ("admin", "Administrator") })
            officers[role] = await api.TokenAsync(username, officerPassword);

        var (username2, token, email) = await ActiveApplicantAsync(api, mail, officers["FrontOffice"], fullName);
        return new Cast { Applicant = username2, ApplicantToken = token, ApplicantName = fullName, ApplicantEmail = email, Officers = officers };
    }

    /// <summary>Steps 1–3 quickly: register, approve, change the one-time password; returns the applicant's token and address.</summary>
    public static async Task<(string Username, string Token, string Email)> ActiveApplicantAsync(PtspClient api, MailPickup mail, string frontOfficeToken, string fullName)
    {
        var applicant = PtspClient.NewApplicant(fullName: fullName);
        var email = applicant.Email;
        var id = await api.RegisterAsync(applicant);
        await api.WaitForPendingAsync(id, frontOfficeToken);
        await PtspClient.Expect(await api.PostAsync($"/api/v1/registrations/{id}/approve", null, frontOfficeToken), HttpStatusCode.Accepted);
        var (username, password, _) = await mail.CredentialsAsync(email);
        var first = await api.TokenAsync(username, password);
        await PtspClient.Expect(await api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "PemohonUji2026" }, first),
            HttpStatusCode.NoContent);
        return (username, await api.TokenAsync(username, "PemohonUji2026"), email);
    }
}
