using System.Text.RegularExpressions;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Pemohon;

/// <summary>One application as the applicant's pages show it: its detail, its permit type, which documents are in, and a return's note.</summary>
public sealed partial record ApplicantFile(ApplicationDetail Detail, PermitType Type, IReadOnlyDictionary<string, bool> Uploaded,
    ApplicantFile.ReturnNote? Returned)
{
    /// <summary>The officer's note of the last return (SOP step 4) and the requirement documents it named.</summary>
    public sealed record ReturnNote(string Note, IReadOnlyList<RequirementInfoView> Missing, HistoryEntryView Entry);

    public bool IsDraft => Detail.Status == "Draft";

    public bool IsReturned => Detail.Status == "ReturnedToApplicant";

    /// <summary>Documents can be uploaded or replaced while the file is with the applicant.</summary>
    public bool WithApplicant => IsDraft || IsReturned;

    /// <summary>An application may be withdrawn until a decision is signed.</summary>
    public static bool CanWithdraw(string status) => status is not ("Issued" or "Rejected" or "Withdrawn" or "Revoked");

    public int UploadedCount => Type.RequiredDocuments.Count(d => Uploaded.GetValueOrDefault(d.Code));

    public static async Task<ApplicantFile> LoadAsync(GatewayClient gateway, Guid id, bool withDocuments, CancellationToken ct)
    {
        var detail = await gateway.ApplicationAsync(id, ct);
        var type = (await gateway.PermitTypesAsync(ct)).FirstOrDefault(t => t.Code == detail.PermitTypeCode)
                   ?? throw new GatewayProblem(StatusCodes.Status404NotFound, "Jenis izin permohonan ini tidak lagi ada dalam katalog.");
        var uploaded = new Dictionary<string, bool>();
        if (withDocuments)
        {
            var present = await Task.WhenAll(type.RequiredDocuments.Select(d => gateway.HasDocumentAsync(id, d.Code, ct)));
            for (var i = 0; i < present.Length; i++)
                uploaded[type.RequiredDocuments[i].Code] = present[i];
        }

        return new ApplicantFile(detail, type, uploaded, detail.Status == "ReturnedToApplicant" ? LastReturn(detail, type) : null);
    }

    /// <summary>The return's history note reads "{note} (kurang: CODE, CODE)" (Workflow records it so).</summary>
    static ReturnNote? LastReturn(ApplicationDetail detail, PermitType type)
    {
        var entry = detail.History.LastOrDefault(h => h.Step == 4 && h.Role == "FrontOffice" && h.Note is not null && MissingList().IsMatch(h.Note));
        if (entry is null)
            return null;
        var match = MissingList().Match(entry.Note!);
        var codes = match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var missing = type.RequiredDocuments.Where(d => codes.Contains(d.Code)).ToList();
        return new ReturnNote(entry.Note![..match.Index].Trim(), missing, entry);
    }

    /// <summary>A history note as people read it: a return's requirement codes become the documents' names.</summary>
    public static string? Readable(string? note, PermitType type) =>
        note is null
            ? null
            : MissingList().Replace(note, m => "(kurang: " + string.Join("; ", m.Groups[1].Value
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(code => type.RequiredDocuments.FirstOrDefault(d => d.Code == code)?.Name ?? code)) + ")");

    [GeneratedRegex(@"\(kurang: ([^)]*)\)\s*$")]
    private static partial Regex MissingList();
}
