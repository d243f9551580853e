using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ptsp.Contracts;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;
using Ptsp.Hosting.Auth;

namespace Ptsp.Gateway.Tests.Documents;

/// <summary>
/// The documents a file produces, through the API: the officers who act are printed by name, NIP and position from
/// their token (the Gateway passes the claims on), numbers are in the agency's format, and a number with "/" is
/// verified through the API as plain path segments and as %2F.
/// </summary>
public sealed class IssuedDocumentsTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    static readonly Regex Receipt = new(@"^503/\d{4}/TT-PNL/DPMPTSP/[IVX]+/\d{4}$");
    static readonly Regex Permit = new(@"^503/\d{4}/IZN-PNL/DPMPTSP/[IVX]+/\d{4}$");

    /// <summary>A token as Registration issues one, with the officer-account claims <c>nip</c> and <c>position</c> where given.</summary>
    string Token(string username, string role, string name, string? nip = null, string? position = null)
    {
        var claims = new List<Claim> { new("sub", username), new("name", name), new("role", role) };
        if (nip is not null)
            claims.Add(new Claim("nip", nip));
        if (position is not null)
            claims.Add(new Claim("position", position));
        // A section head verifies only the sectors they cover (step 8, "Kasi terkait"): this one covers them all.
        if (role == Roles.SectionHead)
            claims.AddRange(Sectors.Names.Keys.Select(s => new Claim(Sectors.Claim, s)));
        var key = ptsp.Services.GetRequiredService<JwtSigningKey>();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSigningKey.Issuer,
            Audience = JwtSigningKey.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = key.Credentials,
        });
    }

    [Fact]
    public async Task Receipt_draft_and_permit_print_officers_by_name_nip_and_position_and_verify_by_a_number_with_slashes()
    {
        var frontOffice = Token("sitir", Roles.FrontOffice, "Siti Rahmawati, S.Sos.", "198501012010012001");
        var backOffice = Token("hendrag", Roles.BackOffice, "Hendra Gunawan");
        var technical = Token("tekniska", Roles.TechnicalTeam, "Agus Salim, S.T.");
        var sectionHead = Token("kasiuji", Roles.SectionHead, "Rina Marlina, S.H.");
        var divisionHead = Token("kabiduji", Roles.DivisionHead, "Drs. Asep Supriatna");
        var head = Token("afauzi", Roles.AgencyHead, "Dr. H. Ahmad Fauzi, M.Si.", "197203151998031004",
            "Plt. Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Purwakarta");

        var applicant = await ApplicantAsync("Wulan Sari Dewi");
        var id = await ptsp.Api.CreateApplicationAsync(applicant, "PENELITIAN", "CV Riset Irigasi Nusantara");
        await ptsp.Api.WaitForAsync(id, applicant, "Draft", 3);
        await ptsp.Api.UploadAllDocumentsAsync(id, "PENELITIAN", applicant);
        await ptsp.Api.ActAsync(id, "submit", new { }, applicant);
        await ptsp.Api.WaitForAsync(id, frontOffice, "Submitted", 4);

        // Step 4: the receipt names the front office officer and the file types as people do.
        await ptsp.Api.ActAsync(id, "completeness", new { complete = true }, frontOffice);
        var accepted = await ptsp.Api.WaitForAsync(id, applicant, "InTechnicalReview", 5);
        var receiptNumber = accepted.Get<string>("receiptNumber");
        Assert.Matches(Receipt, receiptNumber);
        var receipt = await DownloadAsync($"/api/v1/applications/{id}/receipt", applicant);
        var receiptText = Flat(receipt);
        Assert.Contains(receiptNumber, receiptText);
        Assert.Contains("Siti Rahmawati, S.Sos.", receiptText);
        Assert.Contains("NIP. 198501012010012001", receiptText);
        Assert.Contains("Petugas Front Office", receiptText);
        Assert.Matches(@"\bPDF\b", receiptText);
        Assert.DoesNotContain("application/pdf", receiptText);
        Assert.DoesNotContain("sitir", receiptText);
        Write("tanda-terima.pdf", receipt);

        await ptsp.Api.ActAsync(id, "technical-data", new
        {
            data = new Dictionary<string, string> { ["Judul penelitian"] = "Efisiensi irigasi tetes" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), location = "Aula DPMPTSP" },
        }, backOffice);
        await ptsp.Api.WaitForAsync(id, technical, "InTechnicalReview", 6);
        await ptsp.Api.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "Rencana penelitian layak." }, technical);
        await ptsp.Api.WaitForAsync(id, backOffice, "InDrafting", 7);

        // Step 7: the variable parts; a permit takes no reasons, and a rejection's parts are refused on a permit.
        await PtspClient.ExpectProblem(await ptsp.Api.PostAsync($"/api/v1/applications/{id}/draft",
            new { kind = "Permit", body = "", reasons = new[] { "Tidak layak." } }, backOffice), HttpStatusCode.BadRequest, "reasons");
        await ptsp.Api.ActAsync(id, "draft", new
        {
            kind = "Permit",
            body = "Pemegang izin berkoordinasi dengan Dinas Pekerjaan Umum sebelum pengambilan sampel di saluran irigasi.",
            validity = "3 (tiga) bulan",
            obligations = new[] { "melapor kepada camat setempat sebelum penelitian dimulai", "menyerahkan salinan laporan akhir penelitian" },
        }, backOffice);
        await ptsp.Api.WaitForAsync(id, sectionHead, "InVerification", 8);
        var preview = Flat(await DownloadAsync($"/api/v1/applications/{id}/draft", sectionHead));
        Assert.Contains("Disusun oleh Hendra Gunawan", preview);
        Assert.Contains("3 (tiga) bulan", preview);
        Assert.Contains("melapor kepada camat setempat", preview);
        Assert.DoesNotContain("hendrag", preview);
        Write("draf-izin.pdf", await DownloadAsync($"/api/v1/applications/{id}/draft", sectionHead));

        await ptsp.Api.ActAsync(id, "verification", new { approve = true }, sectionHead);
        await ptsp.Api.WaitForAsync(id, divisionHead, "InVerification", 9);
        await ptsp.Api.ActAsync(id, "verification", new { approve = true }, divisionHead);
        await ptsp.Api.WaitForAsync(id, head, "AwaitingSignature", 10);
        await ptsp.Api.ActAsync(id, "signature", new { approve = true }, head);
        var issued = await ptsp.Api.WaitForAsync(id, applicant, "Issued", null);
        var number = issued["decision"]!.Get<string>("documentNumber");
        Assert.Matches(Permit, number);

        var pdf = await DownloadAsync($"/api/v1/applications/{id}/decision", applicant);
        Write("izin.pdf", pdf);
        var text = Flat(pdf);
        Assert.Contains(number, text);
        foreach (var part in new[] { "Menimbang", "Mengingat", "MEMUTUSKAN", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM" })
            Assert.Contains(part, text);
        Assert.Contains("Dr. H. Ahmad Fauzi, M.Si.", text);
        Assert.Contains("NIP. 197203151998031004", text);
        Assert.Contains("PLT. KEPALA DINAS PENANAMAN MODAL", text);
        Assert.Contains("Wulan Sari Dewi", text);
        Assert.DoesNotContain("afauzi", text);
        Assert.Contains("Signature is Valid", Tools.PdfSig(pdf));
        Assert.Equal($"https://perizinan.purwakartakab.go.id/verify/{number}", Assert.Single(Tools.QrCodes(pdf)));

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        foreach (var path in new[] { $"/api/v1/verify/{number}", $"/api/v1/verify/{Uri.EscapeDataString(number)}" })
        {
            var record = await PtspClient.Json(await ptsp.Api.GetAsync(path));
            Assert.Equal(number, record.Get<string>("documentNumber"));
            Assert.Equal(sha256, record.Get<string>("sha256"));
            Assert.Equal("Dr. H. Ahmad Fauzi, M.Si.", record.Get<string>("signerName"));
        }

        await PtspClient.ExpectProblem(await ptsp.Api.GetAsync($"/api/v1/verify/{number.Replace("/0", "/9")}"), HttpStatusCode.NotFound);
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var verdict = await PtspClient.Json(await ptsp.Api.SendAsync(HttpMethod.Post, "/api/v1/verify", content, null));
        Assert.True(verdict.Get<bool>("authentic"));
        Assert.Equal(number, verdict.Get<string>("documentNumber"));
    }

    async Task<byte[]> DownloadAsync(string path, string token)
    {
        var response = await ptsp.Api.GetAsync(path, token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    async Task<string> ApplicantAsync(string fullName)
    {
        var frontOffice = await ptsp.Api.TokenAsync("frontoffice", InProcessPtsp.OfficerPassword);
        var applicant = await QuickPermit.ApplicantAsync(ptsp.Api, ptsp.Mail, frontOffice, fullName);
        return applicant.Token;
    }

    /// <summary>With PTSP_DOCUMENTS_OUT set, keeps the rendered PDFs (README screenshots are made from them).</summary>
    static void Write(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("PTSP_DOCUMENTS_OUT") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    /// <summary>The PDF's text as pdftotext reads it, with every run of white space as one space (lines wrap anywhere).</summary>
    static string Flat(byte[] pdf) => Regex.Replace(Tools.PdfText(pdf), @"\s+", " ");
}
