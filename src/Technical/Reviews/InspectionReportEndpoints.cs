using System.Security.Claims;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

/// <summary>The technical team's inspection report (BAP, a PDF), streamed here by the Gateway with the caller's token.</summary>
public static class InspectionReportEndpoints
{
    public static IEndpointRouteBuilder MapTechnicalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/technical/applications/{id:guid}/inspection-report").RequireAuthorization().ExcludeFromDescription();
        group.MapPut("/", Upload).WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        group.MapGet("/", Download);
        return app;
    }

    public sealed record ReportStored(Guid DocumentId, string Sha256);

    static async Task<IResult> Upload(Guid id, HttpRequest request, ClaimsPrincipal user, TechnicalStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.TechnicalTeam))
            return Results.Problem(title: "Hanya Tim Teknis yang dapat mengunggah BAP.", statusCode: StatusCodes.Status403Forbidden);
        var cases = await store.CasesAsync(cancellationToken);
        if (await cases.FindAsync(id.ToString(), cancellationToken) is not { Document.State: TechnicalState.InReview })
            return Results.Problem(title: "Permohonan ini tidak sedang dalam kajian teknis (langkah 6).", statusCode: StatusCodes.Status409Conflict);

        var documentId = Guid.NewGuid();
        var key = TechnicalStore.ReportKey(id, documentId);
        var result = await Uploads.StoreAsync(store.Files, key, request.Body, request.ContentType, request.ContentLength, Uploads.TenMegabytes,
            [FileTypes.Pdf], cancellationToken);
        if (result.Refusal("BAP harus berupa berkas PDF (dikenali dari isinya).") is { } refusal)
            return refusal;

        while (true)
        {
            var current = (await cases.FindAsync(id.ToString(), cancellationToken))!;
            if (current.Document.State != TechnicalState.InReview)
            {
                await store.Files.DeleteAsync(key, cancellationToken);
                return Results.Problem(title: "Rekomendasi sudah diberikan; BAP tidak dapat diubah.", statusCode: StatusCodes.Status409Conflict);
            }

            var previous = current.Document.InspectionReport;
            var now = time.GetUtcNow();
            current.Document.InspectionReport = new InspectionReport(documentId, result.Sha256!, result.Length, user.Identity!.Name!, now);
            try
            {
                await cases.ReplaceAsync(current.Id, current.Document, current.Version,
                    [OutboxMessage.Publish(new InspectionReportUploaded(id, user.Identity!.Name!, result.Sha256!, now), now)], cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            if (previous is not null)
                await store.Files.DeleteAsync(TechnicalStore.ReportKey(id, previous.DocumentId), cancellationToken);
            return Results.Created($"/api/v1/applications/{id}/inspection-report", new ReportStored(documentId, result.Sha256!));
        }
    }

    static async Task<IResult> Download(Guid id, ClaimsPrincipal user, TechnicalStore store, CancellationToken cancellationToken)
    {
        // The steps that judge on it (5–10); the counter (step 4) and applicants do not read it.
        if (!new[] { Roles.BackOffice, Roles.TechnicalTeam, Roles.SectionHead, Roles.DivisionHead, Roles.AgencyHead }.Any(user.IsInRole))
            return Results.Problem(title: "BAP hanya untuk petugas yang menilainya: Back Office, Tim Teknis, Kasi, Kabid dan Kepala DPMPTSP.",
                statusCode: StatusCodes.Status403Forbidden);
        var stored = await (await store.CasesAsync(cancellationToken)).FindAsync(id.ToString(), cancellationToken);
        if (stored?.Document.InspectionReport is not { } report || await store.Files.OpenAsync(TechnicalStore.ReportKey(id, report.DocumentId), cancellationToken) is not { } stream)
            return Results.Problem(title: "BAP tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
        return Results.Stream(stream, FileTypes.Pdf, "bap.pdf");
    }
}
