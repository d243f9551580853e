namespace Ptsp.Contracts.Permits;

/// <summary>The technical review of SOP step 6 and its time per the permit type's NSPK.</summary>
public sealed record TechnicalReviewInfo(ReviewKind Kind, int WorkingDays);
