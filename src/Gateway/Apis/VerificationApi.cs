using System.Net;
using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;

namespace Ptsp.Gateway.Apis;

/// <summary>Public verification of signed decisions: by number (API and the QR code's page) and by the PDF itself.</summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/verify/{documentNumber}", ByNumber).AllowAnonymous().WithTags("Verification");
        app.MapPost("/api/v1/verify", (HttpContext http, InternalServices services) =>
                http.Request.ContentLength > Ptsp.Hosting.Storage.Uploads.TenMegabytes
                    ? TypedResults.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge)
                    : InternalServices.Forward(services, InternalServices.Signing, "/internal/signing/verify"))
            .AllowAnonymous().WithTags("Verification").WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        app.MapGet("/verify/{documentNumber}", Page).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public sealed record VerificationResponse(string DocumentNumber, DecisionKind Kind, Guid ApplicationId, string HolderName, string BusinessName,
        DateTimeOffset SignedAt, string SignerName, string Sha256, bool Valid);

    static async Task<IResult> ByNumber(string documentNumber, IRequestClient<GetDecisionVerification> client, WorkingCalendar calendar, HttpContext http)
    {
        var found = await Find(documentNumber, client, http.RequestAborted);
        return found is null
            ? TypedResults.Problem(title: "Nomor dokumen tidak terdaftar.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new VerificationResponse(found.DocumentNumber, found.Kind, found.ApplicationId, found.HolderName, found.BusinessName,
                calendar.ToAgencyTime(found.SignedAt), found.SignerName, found.Sha256, found.Valid));
    }

    /// <summary>The page a QR code opens, in Bahasa Indonesia, readable on a phone.</summary>
    static async Task<IResult> Page(string documentNumber, IRequestClient<GetDecisionVerification> client, WorkingCalendar calendar, AgencyOptions agency,
        HttpContext http)
    {
        var found = await Find(documentNumber, client, http.RequestAborted);
        string E(string s) => WebUtility.HtmlEncode(s);
        var body = found is null
            ? $"""
               <h1 class="bad">Dokumen tidak ditemukan</h1>
               <p>Nomor <strong>{E(documentNumber)}</strong> tidak terdaftar sebagai dokumen yang diterbitkan {E(agency.ShortName)}.
               Dokumen yang menyebut nomor ini patut diduga tidak asli.</p>
               """
            : $"""
               <h1 class="ok">Dokumen terdaftar dan sah</h1>
               <table>
               <tr><th>Nomor dokumen</th><td>{E(found.DocumentNumber)}</td></tr>
               <tr><th>Jenis</th><td>{(found.Kind == DecisionKind.Permit ? "Izin" : "Surat penolakan permohonan")}: {E(found.PermitTypeName)}</td></tr>
               <tr><th>{(found.Kind == DecisionKind.Permit ? "Pemegang izin" : "Pemohon")}</th><td>{E(found.HolderName)}</td></tr>
               <tr><th>Nama usaha</th><td>{E(found.BusinessName)}</td></tr>
               <tr><th>Ditandatangani</th><td>{E(PdfDocumentBuilder.IndonesianDateTime(calendar.ToAgencyTime(found.SignedAt)))}</td></tr>
               <tr><th>Penandatangan</th><td>{E(found.SignerName)}</td></tr>
               <tr><th>SHA-256 berkas</th><td class="hash">{E(found.Sha256)}</td></tr>
               </table>
               <p>Berkas PDF yang asli memiliki sidik SHA-256 di atas dan tanda tangan elektronik yang dapat diperiksa di pembaca PDF.
               Untuk memeriksa berkas yang Anda pegang, kirimkan ke <code>POST /api/v1/verify</code>.</p>
               """;
        var html = $$"""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Verifikasi dokumen {{E(documentNumber)}} — {{E(agency.ShortName)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
            h1.ok{color:#0a6b2d} h1.bad{color:#a11} table{border-collapse:collapse;width:100%}
            th,td{text-align:left;border-bottom:1px solid #ddd;padding:.4rem} th{width:35%} .hash{font-family:monospace;word-break:break-all}</style>
            </head><body><p>{{E(agency.Name)}}</p>{{body}}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: found is null ? 404 : 200);
    }

    static async Task<DecisionVerification?> Find(string documentNumber, IRequestClient<GetDecisionVerification> client, CancellationToken cancellationToken)
    {
        if (documentNumber.Length > 64)
            return null;
        var response = await client.GetResponse<DecisionVerification, CommandRefused>(new GetDecisionVerification(documentNumber), cancellationToken);
        return response.Is(out Response<DecisionVerification>? found) ? found!.Message : null;
    }
}
