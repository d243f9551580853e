using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>The SOP's outputs as real documents: the receipt, the signed permit and rejection letter, and their public verification.</summary>
public sealed class SignedDocumentTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    const string Signer = "Kepala DPMPTSP Kabupaten Purwakarta";

    async Task<byte[]> Download(string path, string token, string expectedType = "application/pdf")
    {
        var response = await ptsp.Client.GetAsync(path, token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    async Task<HttpResponseMessage> PostPdf(byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await ptsp.Client.SendAsync(HttpMethod.Post, "/api/v1/verify", content, null);
    }

    [Fact]
    public async Task An_issued_permit_is_signed_verifiable_and_tamper_evident()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Bambang Sutrisno");
        var id = await PermitFlow.IssueAsync(ptsp.Client, cast);
        var number = (await ptsp.Client.GetApplicationAsync(id, cast.ApplicantToken))["decision"]!.Get<string>("documentNumber");

        var pdf = await Download($"/api/v1/applications/{id}/decision", cast.ApplicantToken);
        Assert.Equal(pdf, await Download($"/api/v1/applications/{id}/decision", cast["AgencyHead"]));

        var signature = Tools.PdfSig(pdf);
        Assert.Contains("Signature is Valid", signature);
        Assert.Contains(Signer, signature);
        Assert.Contains("Signing Hash Algorithm: SHA-256", signature);

        var text = Tools.PdfText(pdf);
        Assert.Contains(number, text);
        Assert.Contains("Bambang Sutrisno", text);
        Assert.Contains("KEPUTUSAN KEPALA", text);
        foreach (var part in new[] { "Menimbang", "Mengingat", "MEMUTUSKAN", "KESATU", "KEDUA", "KETIGA" })
            Assert.Contains(part, text);
        Assert.Contains("Memutuskan: menetapkan keputusan", text);
        Assert.Matches(@"^503/\d{4}/IZN-REK/DPMPTSP/[IVX]+/\d{4}$", number);

        var qr = Assert.Single(Tools.QrCodes(pdf));
        Assert.Equal($"{EmbeddedFixture.PublicBaseUrl}/verify/{number}", qr);

        var record = await PtspClient.Json(await ptsp.Client.GetAsync($"/api/v1/verify/{number}"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), record.Get<string>("sha256"));
        Assert.Equal("Permit", record.Get<string>("kind"));
        Assert.Equal(id, record.Get<Guid>("applicationId"));
        Assert.Equal("Bambang Sutrisno", record.Get<string>("holderName"));
        Assert.True(record.Get<bool>("valid"));

        // The number's "/" as path segments (the QR code's URL) and as %2F (a link built with EscapeDataString): the same page.
        foreach (var path in new[] { $"/verify/{number}", $"/verify/{Uri.EscapeDataString(number)}" })
        {
            var page = await ptsp.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Dokumen terdaftar dan sah", html);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), html);
        }

        var authentic = await PtspClient.Json(await PostPdf(pdf));
        Assert.True(authentic.Get<bool>("authentic"));
        Assert.Equal(number, authentic.Get<string>("documentNumber"));

        // One changed byte inside the signed content.
        var tampered = (byte[])pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("/Producer", StringComparison.Ordinal) + 3;
        tampered[at] ^= 0x01;
        Assert.DoesNotContain("Signature is Valid", Tools.PdfSig(tampered));
        var verdict = await PtspClient.Json(await PostPdf(tampered));
        Assert.False(verdict.Get<bool>("authentic"));
        Assert.False(verdict.Get<bool>("signatureIntact"));
        Assert.Contains(number, verdict.Get<string>("reason"));
    }

    [Fact]
    public async Task A_rejection_letter_is_signed_and_verifiable_too()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Sri Wahyuni");
        var id = await PermitFlow.RejectAsync(ptsp.Client, cast);
        var number = (await ptsp.Client.GetApplicationAsync(id, cast.ApplicantToken))["decision"]!.Get<string>("documentNumber");

        var pdf = await Download($"/api/v1/applications/{id}/decision", cast.ApplicantToken);
        var signature = Tools.PdfSig(pdf);
        Assert.Contains("Signature is Valid", signature);
        Assert.Contains(Signer, signature);
        var text = Tools.PdfText(pdf);
        Assert.Contains("SURAT PENOLAKAN PERMOHONAN IZIN", text);
        Assert.Matches(@"1\.\s+Hasil kajian teknis: Lokasi penelitian adalah kawasan terbatas\.", text);
        Assert.Contains(number, text);
        Assert.Contains("Sri Wahyuni", text);
        var record = await PtspClient.Json(await ptsp.Client.GetAsync($"/api/v1/verify/{number}"));
        Assert.Equal("Rejection", record.Get<string>("kind"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), record.Get<string>("sha256"));
    }

    [Fact]
    public async Task The_receipt_lists_its_number_and_every_document_received()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Ujang Koswara");
        var id = await PermitFlow.ApplyAsync(ptsp.Client, cast, "APOTEK");
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync($"/api/v1/applications/{id}/receipt", cast.ApplicantToken), HttpStatusCode.Conflict);
        await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        var accepted = await ptsp.Client.WaitForAsync(id, cast.ApplicantToken, "InTechnicalReview", 5);

        var pdf = await Download($"/api/v1/applications/{id}/receipt", cast.ApplicantToken);
        var text = Tools.PdfText(pdf);
        Assert.Contains(accepted.Get<string>("receiptNumber"), text);
        Assert.Contains("TANDA TERIMA", text);
        Assert.Contains("Ujang Koswara", text);
        Assert.Contains("Izin Apotek", text);
        Assert.Equal((await ptsp.Client.RequiredDocumentsAsync("APOTEK")).Count, System.Text.RegularExpressions.Regex.Matches(text, @"\b(PDF|JPEG|PNG)\b").Count);
        Assert.DoesNotContain("application/pdf", text);
        Assert.Contains("WIB", text);
        Assert.Equal(HttpStatusCode.OK, (await ptsp.Client.GetAsync($"/api/v1/applications/{id}/receipt", cast["BackOffice"])).StatusCode);
    }

    [Fact]
    public async Task Verifiers_can_preview_the_draft_marked_as_unsigned()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Dedi Mulyadi");
        var id = await PermitFlow.ApplyAsync(ptsp.Client, cast, "PENELITIAN");
        await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        await ptsp.Client.WaitForAsync(id, cast["BackOffice"], "InTechnicalReview", 5);
        await ptsp.Client.ActAsync(id, "technical-data", new
        {
            data = new Dictionary<string, string> { ["topik"] = "Irigasi" },
            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddHours(2), location = "Aula" },
        }, cast["BackOffice"]);
        await ptsp.Client.WaitForAsync(id, cast["TechnicalTeam"], "InTechnicalReview", 6);
        await ptsp.Client.ActAsync(id, "technical-recommendation", new { recommendation = "Approve", notes = "Layak." }, cast["TechnicalTeam"]);
        await ptsp.Client.WaitForAsync(id, cast["BackOffice"], "InDrafting", 7);
        await ptsp.Client.ActAsync(id, "draft", new { kind = "Permit", body = "Memberikan izin penelitian irigasi." }, cast["BackOffice"]);
        await ptsp.Client.WaitForAsync(id, cast["SectionHead"], "InVerification", 8);

        var preview = await Download($"/api/v1/applications/{id}/draft", cast["SectionHead"]);
        var text = Tools.PdfText(preview);
        Assert.Contains("DRAF", text);
        Assert.Contains("Memberikan izin penelitian irigasi.", text);
        Assert.DoesNotContain("Signature is Valid", Tools.PdfSig(preview));
        Assert.Equal(HttpStatusCode.Forbidden, (await ptsp.Client.GetAsync($"/api/v1/applications/{id}/draft", cast.ApplicantToken)).StatusCode);
        await PtspClient.ExpectProblem(await ptsp.Client.GetAsync($"/api/v1/applications/{id}/decision", cast.ApplicantToken), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_document_number_is_404_on_both_routes_and_a_stranger_PDF_is_not_authentic()
    {
        foreach (var number in new[] { "PTSP-IZN-2026-999999", "503/9999/IZN-REK/DPMPTSP/XI/2026" })
        {
            await PtspClient.ExpectProblem(await ptsp.Client.GetAsync($"/api/v1/verify/{number}"), HttpStatusCode.NotFound);
            var page = await ptsp.Client.GetAsync($"/verify/{number}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Dokumen tidak ditemukan", html);
            Assert.Contains(number, html);
        }

        var verdict = await PtspClient.Json(await PostPdf(SampleFiles.Pdf("Surat izin palsu")));
        Assert.False(verdict.Get<bool>("authentic"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostPdf(SampleFiles.Png)).StatusCode);
    }
}
