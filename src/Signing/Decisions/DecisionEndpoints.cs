using System.Security.Claims;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

/// <summary>Signing's internal endpoints, reached through the Gateway: the signed decision, the draft preview, and checking a PDF.</summary>
public static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapSigningEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/signing/applications/{id:guid}/decision", Decision).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/internal/signing/applications/{id:guid}/draft", Preview).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/internal/signing/verify", Verify).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        return app;
    }

    static async Task<IResult> Decision(Guid id, ClaimsPrincipal user, SigningStore store, CancellationToken cancellationToken)
    {
        var stored = await (await store.DecisionsAsync(cancellationToken)).FindAsync(id.ToString(), cancellationToken);
        if (stored is null || (!Roles.Officers.Any(user.IsInRole) && stored.Document.ApplicantUsername != user.Identity?.Name))
            return Results.Problem(title: "Permohonan tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
        if (stored.Document.State != DecisionState.Signed || await store.Files.OpenAsync(SigningStore.DecisionKey(id), cancellationToken) is not { } stream)
            return Results.Problem(title: "Keputusan belum ditandatangani.", statusCode: StatusCodes.Status409Conflict);
        return Results.Stream(stream, FileTypes.Pdf, $"{stored.Document.DocumentNumber!.Replace('/', '-')}.pdf");
    }

    static async Task<IResult> Preview(Guid id, ClaimsPrincipal user, SigningStore store, AgencyOptions agency, DecisionTemplates templates,
        CancellationToken cancellationToken)
    {
        if (!Roles.Officers.Any(user.IsInRole))
            return Results.Problem(title: "Pratinjau draf hanya untuk petugas.", statusCode: StatusCodes.Status403Forbidden);
        var stored = await (await store.DecisionsAsync(cancellationToken)).FindAsync(id.ToString(), cancellationToken);
        if (stored is null || stored.Document.Drafts.Count == 0)
            return Results.Problem(title: "Draf belum disusun.", statusCode: StatusCodes.Status404NotFound);
        return Results.File(DecisionDocument.Preview(stored.Document, templates.Find(stored.Document.PermitTypeCode), agency), FileTypes.Pdf, $"draf-{id}.pdf");
    }

    static async Task<IResult> Verify(HttpRequest request, SigningStore store, CancellationToken cancellationToken)
    {
        if (request.ContentLength > Uploads.TenMegabytes)
            return Results.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > Uploads.TenMegabytes)
                return Results.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var pdf = memory.ToArray();
        if (FileTypes.Detect(pdf.AsSpan(0, Math.Min(pdf.Length, FileTypes.HeaderLength))) != FileTypes.Pdf)
            return Results.Problem(title: "Kirim berkas PDF yang akan diperiksa sebagai isi permintaan.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        return Results.Ok(await DocumentVerifier.VerifyAsync(pdf, await store.DecisionsAsync(cancellationToken), cancellationToken));
    }
}
