namespace Ptsp.Contracts.Permits;

public enum ReviewKind
{
    Meeting,
    Inspection,
    Both,
}

/// <summary>The permit type catalogue, answered by Intake.</summary>
public sealed record GetPermitTypes;

public sealed record PermitTypeList(IReadOnlyList<PermitTypeInfo> Items);

public sealed record PermitTypeInfo(
    string Code,
    string Name,
    IReadOnlyList<RequirementInfo> RequiredDocuments,
    TechnicalReviewInfo TechnicalReview,
    int? StatutoryWorkingDays,
    string? Sector = null);

public sealed record RequirementInfo(string Code, string Name);

/// <summary>The technical review of SOP step 6 and its time per the permit type's NSPK.</summary>
public sealed record TechnicalReviewInfo(ReviewKind Kind, int WorkingDays);
