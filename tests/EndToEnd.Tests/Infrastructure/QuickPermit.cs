using System.Net;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The shortest way through the SOP to a signed permit (a research permit reviewed in a meeting, approved, no returns),
/// for tests about what follows the decision: tracking, revocation, the survey, outside subscribers.
/// <paramref name="officers"/> maps role names (FrontOffice … AgencyHead) to tokens.
/// </summary>
public static class QuickPermit
{
    public const string PermitType = "PENELITIAN";

    /// <summary>Steps 3–4: a submitted application, accepted with a receipt. Returns the id and the receipt number.</summary>
    public static async Task<(Guid Id, string ReceiptNumber)> AcceptedAsync(PtspClient api, string applicant, IReadOnlyDictionary<string, string> officers)
    {
        var id = await api.CreateApplicationAsync(applicant, PermitType, "CV Sinar Cipta Purwakarta");
        await api.WaitForAsync(id, applicant, "Draft", 3);
        await api.UploadAllDocumentsAsync(id, PermitType, applicant);
        await api.ActAsync(id, "submit", new { }, applicant);
        await api.WaitForAsync(id, officers["FrontOffice"], "Submitted", 4);
        await api.ActAsync(id, "completeness", new { complete = true }, officers["FrontOffice"]);
        var accepted = await api.WaitForAsync(id, officers["BackOffice"], "InTechnicalReview", 5);
        return (id, accepted.Get<string>("receiptNumber"));
    }

    /// <summary>Steps 5–10 after <see cref="AcceptedAsync"/>: the permit is signed (Issued).</summary>
    public static async Task IssueAsync(PtspClient api, Guid id, string applicant, IReadOnlyDictionary<string, string> officers)
    {
        await api.ActAsync(id, "technical-data", new
        {
            data = new Dictionary<string, string> { ["lokasiPenelitian"] = "Desa Cibening" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), location = "Kantor DPMPTSP Purwakarta" },
        }, officers["BackOffice"]);
        await api.WaitForAsync(id, officers["TechnicalTeam"], "InTechnicalReview", 6);
        await api.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "Sesuai ketentuan." }, officers["TechnicalTeam"]);
        await api.WaitForAsync(id, officers["BackOffice"], "InDrafting", 7);
        await api.ActAsync(id, "draft", new { kind = "Permit", body = "Memutuskan: memberikan izin penelitian." }, officers["BackOffice"]);
        await api.WaitForAsync(id, officers["SectionHead"], "InVerification", 8);
        await api.ActAsync(id, "verification", new { approve = true }, officers["SectionHead"]);
        await api.WaitForAsync(id, officers["DivisionHead"], "InVerification", 9);
        await api.ActAsync(id, "verification", new { approve = true }, officers["DivisionHead"]);
        await api.WaitForAsync(id, officers["AgencyHead"], "AwaitingSignature", 10);
        await api.ActAsync(id, "signature", new { approve = true }, officers["AgencyHead"]);
        await api.WaitForAsync(id, applicant, "Issued", null);
    }

    public static async Task<Dictionary<string, string>> OfficersAsync(PtspClient api, string password)
    {
        var officers = new Dictionary<string, string>();
        foreach (var (username, role) in new[] { ("frontoffice", "FrontOffice"), ("backoffice", "BackOffice"), ("teknis", "TechnicalTeam"),
                     ("kasi", "SectionHead"), ("kabid", "DivisionHead"), ("kepala", "AgencyHead"), ("admin", "Administrator") })
            officers[role] = await api.TokenAsync(username, password);
        return officers;
    }

    /// <summary>Steps 1–3 quickly: an active applicant's username, token and address.</summary>
    public static async Task<(string Username, string Token, string Email)> ApplicantAsync(PtspClient api, MailPickup mail, string frontOffice, string fullName)
    {
        var form = PtspClient.NewApplicant(fullName: fullName);
        var registration = await api.RegisterAsync(form);
        await api.WaitForPendingAsync(registration, frontOffice);
        await PtspClient.Expect(await api.PostAsync($"/api/v1/registrations/{registration}/approve", null, frontOffice), HttpStatusCode.Accepted);
        var (username, password, _) = await mail.CredentialsAsync(form.Email);
        var first = await api.TokenAsync(username, password);
        await PtspClient.Expect(await api.PostAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "PemohonUji2026" }, first),
            HttpStatusCode.NoContent);
        return (username, await api.TokenAsync(username, "PemohonUji2026"), form.Email);
    }
}
