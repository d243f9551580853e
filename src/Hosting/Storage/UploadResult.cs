using Microsoft.AspNetCore.Http;

namespace Ptsp.Hosting.Storage;

public sealed record UploadResult(UploadOutcome Outcome, string? ContentType = null, string? Sha256 = null, long Length = 0, string? Reason = null)
{
    /// <summary>The problem (Bahasa Indonesia) for an upload that was not stored; null when it was.</summary>
    public Microsoft.AspNetCore.Http.IResult? Refusal(string notAllowed) => Outcome switch
    {
        UploadOutcome.Stored => null,
        UploadOutcome.TooLarge => Results.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge),
        UploadOutcome.Empty => Results.Problem(title: "Berkas kosong.", statusCode: StatusCodes.Status400BadRequest),
        UploadOutcome.Unsafe => Results.Problem(title: Reason, statusCode: StatusCodes.Status400BadRequest),
        UploadOutcome.ContentMismatch => Results.Problem(title: $"Isi berkas adalah {ContentType}, tidak sesuai dengan Content-Type yang dikirim.",
            statusCode: StatusCodes.Status415UnsupportedMediaType),
        _ => Results.Problem(title: notAllowed, statusCode: StatusCodes.Status415UnsupportedMediaType),
    };
}
