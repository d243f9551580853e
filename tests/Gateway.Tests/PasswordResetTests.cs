using System.Net;
using System.Text.RegularExpressions;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>Issue 10, point 5a: "Lupa kata sandi" — a single-use reset link by email; the answer never says whether the address exists.</summary>
public sealed class PasswordResetTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    [Fact]
    public async Task A_reset_link_is_emailed_works_once_and_ends_older_sessions()
    {
        var (username, email, oldToken) = await ApplicantAsync();
        await PtspClient.Expect(await ptsp.Api.GetAsync("/api/v1/applications", oldToken), HttpStatusCode.OK);

        await PtspClient.Expect(await ptsp.Api.PostAsync("/api/v1/auth/password-reset", new { email = email.ToUpperInvariant() }), HttpStatusCode.Accepted);

        var mail = await WaitForResetMailAsync(email);
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        Assert.Contains("30 menit", mail.TextBody!);
        var link = Regex.Match(mail.TextBody!, @"https://perizinan\.purwakartakab\.go\.id/atur-ulang-kata-sandi\?token=([A-Za-z0-9_-]+)");
        Assert.True(link.Success, mail.TextBody!);
        Assert.Contains(link.Value, mail.HtmlBody);
        var token = link.Groups[1].Value;

        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "pendek" }),
            HttpStatusCode.BadRequest, "newPassword");
        await PtspClient.Expect(await ptsp.Api.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "SandiBaruSekali2026" }),
            HttpStatusCode.NoContent);

        var login = await ptsp.Api.LoginAsync(username, "SandiBaruSekali2026");
        Assert.False(login["mustChangePassword"]!.GetValue<bool>());
        await Eventually.HoldsAsync(async () =>
            (await ptsp.Api.GetAsync("/api/v1/applications", oldToken)).StatusCode == HttpStatusCode.Unauthorized);

        // Single use: the same link a second time is refused and changes nothing.
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "LainLagi20262026" }),
            HttpStatusCode.BadRequest, "token");
        await ptsp.Api.LoginAsync(username, "SandiBaruSekali2026");
    }

    [Fact]
    public async Task The_answer_is_the_same_for_an_address_without_an_account()
    {
        var (_, email, _) = await ApplicantAsync();

        var known = await ptsp.Api.PostAsync("/api/v1/auth/password-reset", new { email });
        var unknown = await ptsp.Api.PostAsync("/api/v1/auth/password-reset", new { email = $"tidak.ada.{Guid.NewGuid():N}@contoh.co.id" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Null(known.Headers.Location);
        Assert.Null(unknown.Headers.Location);
        await WaitForResetMailAsync(email);

        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/password-reset", new { email = "bukan-email" }), HttpStatusCode.BadRequest, "email");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/password-reset/confirm", new { token = "x", newPassword = "SandiBaru2026" }),
            HttpStatusCode.BadRequest, "token");
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync("/api/v1/auth/password-reset/confirm",
            new { token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", newPassword = "SandiBaru2026" }), HttpStatusCode.BadRequest, "token");
    }

    async Task<MimeKit.MimeMessage> WaitForResetMailAsync(string email)
    {
        MimeKit.MimeMessage? mail = null;
        await Eventually.HoldsAsync(() =>
        {
            mail = ptsp.Mail.To(email).FirstOrDefault(m => m.Subject == "Atur ulang kata sandi akun PTSP");
            return Task.FromResult(mail is not null);
        });
        return mail!;
    }

    async Task<(string Username, string Email, string Token)> ApplicantAsync()
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var applicant = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, "Yusuf Hidayat");
        return (applicant.Username, applicant.Email, applicant.Token);
    }
}
