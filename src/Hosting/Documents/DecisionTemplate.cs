namespace Ptsp.Hosting.Documents;

/// <summary>
/// A permit type's decree (SOP step 7's fixed text): the considerations (Menimbang), the legal basis (Mengingat), the
/// validity period and the holder's obligations. The drafter may replace the validity and obligations and adds the
/// variable parts; a rejection letter takes its reasons from the technical recommendation and the drafter.
/// </summary>
public sealed record DecisionTemplate(
    string PermitTypeCode,
    string PermitTypeName,
    string NumberCode,
    IReadOnlyList<string> Considerations,
    IReadOnlyList<string> LegalBasis,
    string Validity,
    IReadOnlyList<string> Obligations);
