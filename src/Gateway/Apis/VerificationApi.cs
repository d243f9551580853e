using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>Public verification of signed decisions: by number and by the PDF itself. The QR code's page is the Web's (/verify/{number}).</summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        // Numbers contain "/" (503/0001/IZN-REK/DPMPTSP/XI/2026): the catch-all takes them as plain path segments or as %2F.
        app.MapGet("/api/v1/verify/{**documentNumber}", ByNumber).AllowAnonymous().WithTags("Verification")
            .WithSummary("The public record of a signed decision by its number (the number may contain '/', plain or as %2F)")
            .Produces<VerificationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/verify", (HttpContext http, InternalServices services) =>
                http.Request.ContentLength > Ptsp.Hosting.Storage.Uploads.TenMegabytes
                    ? TypedResults.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge)
                    : InternalServices.Forward(services, InternalServices.Signing, "/internal/signing/verify"))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Verification).WithTags("Verification").WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithSummary("Checks an uploaded PDF (the body, application/pdf) against the signed decisions: whether it is a genuine, unaltered decision")
            .Accepts<byte[]>("application/pdf")
            .Produces<VerificationVerdictResponse>()
            .ProducesProblems(413, 415, 429);
        return app;
    }

    public sealed record VerificationResponse(string DocumentNumber, DecisionKind Kind, Guid ApplicationId, string HolderName, string BusinessName,
        DateTimeOffset SignedAt, string SignerName, string Sha256, bool Valid, string PermitTypeName, DateTimeOffset? RevokedAt = null,
        string? RevocationReason = null);

    /// <summary>Signing's verdict on an uploaded PDF, as the Gateway passes it on (the OpenAPI description of that answer).</summary>
    public sealed record VerificationVerdictResponse(bool Authentic, string Reason, string? DocumentNumber, string Sha256, bool? SignatureIntact,
        bool Valid = false, DateTimeOffset? RevokedAt = null, string? RevocationReason = null);

    static async Task<IResult> ByNumber(string? documentNumber, IRequestClient<GetDecisionVerification> client, WorkingCalendar calendar, HttpContext http)
    {
        var found = await Find(Uri.UnescapeDataString(documentNumber ?? ""), client, http.RequestAborted);
        return found is null
            ? TypedResults.Problem(title: "Nomor dokumen tidak terdaftar.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new VerificationResponse(found.DocumentNumber, found.Kind, found.ApplicationId, found.HolderName, found.BusinessName,
                calendar.ToAgencyTime(found.SignedAt), found.SignerName, found.Sha256, found.Valid, found.PermitTypeName,
                found.RevokedAt is { } revokedAt ? calendar.ToAgencyTime(revokedAt) : null, found.RevocationReason));
    }

    static async Task<DecisionVerification?> Find(string documentNumber, IRequestClient<GetDecisionVerification> client, CancellationToken cancellationToken)
    {
        if (documentNumber.Length is 0 or > 64)
            return null;
        var response = await client.GetResponse<DecisionVerification, CommandRefused>(new GetDecisionVerification(documentNumber), cancellationToken);
        return response.Is(out Response<DecisionVerification>? found) ? found!.Message : null;
    }
}
