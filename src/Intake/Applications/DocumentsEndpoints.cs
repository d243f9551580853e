using System.Security.Claims;
using Ptsp.Contracts;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Applications;

/// <summary>
/// Intake's internal file endpoints, to which the Gateway streams uploads and downloads with the caller's
/// token. Intake decides: only the owner, only while the file is with the applicant, only known
/// requirements, only PDF/JPEG/PNG recognised by content, at most 10 MB.
/// </summary>
public static class DocumentsEndpoints
{
    static readonly string[] Allowed = [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png];

    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/intake/applications/{id:guid}/documents/{requirementCode}").RequireAuthorization().ExcludeFromDescription();
        group.MapPut("/", Upload).WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        group.MapGet("/", Download);
        app.MapGet("/internal/intake/applications/{id:guid}/receipt", Receipt).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public sealed record DocumentStored(Guid DocumentId, string Sha256);

    static async Task<IResult> Upload(Guid id, string requirementCode, HttpRequest request, ClaimsPrincipal user, IntakeStore store,
        PermitCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var (applications, stored) = await store.FindOwnAsync(id, user.Identity?.Name ?? "", cancellationToken);
        if (stored is null)
            return Results.Problem(title: "Permohonan tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
        if (stored.Document.State is not (ApplicationState.Draft or ApplicationState.Returned))
            return Results.Problem(title: "Dokumen hanya dapat diunggah selama permohonan berada pada pemohon (draf atau dikembalikan).",
                statusCode: StatusCodes.Status409Conflict);
        var requirement = catalogue.Find(stored.Document.PermitTypeCode)!.RequiredDocuments.FirstOrDefault(d => d.Code == requirementCode);
        if (requirement is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["requirementCode"] = [$"'{requirementCode}' bukan persyaratan jenis izin ini."] },
                title: "Kode persyaratan tidak dikenal.");

        var documentId = Guid.NewGuid();
        var key = IntakeStore.DocumentKey(id, requirementCode, documentId);
        var result = await Uploads.StoreAsync(store.Files, key, request.Body, request.ContentType, request.ContentLength, Uploads.TenMegabytes, Allowed,
            cancellationToken);
        if (result.Refusal("Jenis berkas tidak diterima: hanya PDF, JPEG atau PNG (dikenali dari isinya).") is { } refusal)
            return refusal;

        // The file is stored; now record it, retrying if the application changed meanwhile.
        while (true)
        {
            var current = await applications.FindAsync(id.ToString(), cancellationToken);
            if (current!.Document.State is not (ApplicationState.Draft or ApplicationState.Returned))
            {
                await store.Files.DeleteAsync(key, cancellationToken);
                return Results.Problem(title: "Permohonan sudah diajukan; dokumen tidak dapat diubah.", statusCode: StatusCodes.Status409Conflict);
            }

            var previous = current.Document.Documents.GetValueOrDefault(requirementCode);
            current.Document.Documents[requirementCode] = new RequirementDocument(documentId, result.ContentType!, result.Sha256!, result.Length, time.GetUtcNow());
            try
            {
                await applications.ReplaceAsync(current.Id, current.Document, current.Version, cancellationToken: cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            if (previous is not null)
                await store.Files.DeleteAsync(IntakeStore.DocumentKey(id, requirementCode, previous.DocumentId), cancellationToken);
            return Results.Created($"/api/v1/applications/{id}/documents/{requirementCode}", new DocumentStored(documentId, result.Sha256!));
        }
    }

    static async Task<IResult> Download(Guid id, string requirementCode, ClaimsPrincipal user, IntakeStore store, CancellationToken cancellationToken)
    {
        var stored = await (await store.ApplicationsAsync(cancellationToken)).FindAsync(id.ToString(), cancellationToken);
        var isOfficer = Roles.Officers.Any(user.IsInRole);
        if (stored is null || (!isOfficer && stored.Document.ApplicantUsername != user.Identity?.Name)
                           || !stored.Document.Documents.TryGetValue(requirementCode, out var document))
            return Results.Problem(title: "Dokumen tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);

        var stream = await store.Files.OpenAsync(IntakeStore.DocumentKey(id, requirementCode, document.DocumentId), cancellationToken);
        return stream is null
            ? Results.Problem(title: "Dokumen tidak ditemukan.", statusCode: StatusCodes.Status404NotFound)
            : Results.Stream(stream, document.ContentType, $"{requirementCode}{FileTypes.Extension(document.ContentType)}");
    }

    /// <summary>The receipt PDF of an accepted application, for its owner and officers.</summary>
    static async Task<IResult> Receipt(Guid id, ClaimsPrincipal user, IntakeStore store, CancellationToken cancellationToken)
    {
        var stored = await (await store.ApplicationsAsync(cancellationToken)).FindAsync(id.ToString(), cancellationToken);
        if (stored is null || (!Roles.Officers.Any(user.IsInRole) && stored.Document.ApplicantUsername != user.Identity?.Name))
            return Results.Problem(title: "Permohonan tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
        if (stored.Document.ReceiptNumber is null || await store.Files.OpenAsync(IntakeStore.ReceiptKey(id), cancellationToken) is not { } stream)
            return Results.Problem(title: "Tanda terima belum diterbitkan: berkas belum dinyatakan lengkap.", statusCode: StatusCodes.Status409Conflict);
        return Results.Stream(stream, FileTypes.Pdf, $"tanda-terima-{stored.Document.ReceiptNumber.Replace('/', '-')}.pdf");
    }
}
