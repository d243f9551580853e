using Ptsp.Contracts.Permits;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// One draft: the variable parts of the permit type's decree (<see cref="Ptsp.Hosting.Documents.DecisionTemplate"/>). Body is a further
/// provision of a permit or a further reason of a rejection (may be empty); Validity and Obligations replace the template's when set.
/// </summary>
public sealed record Draft(int Revision, DecisionKind Kind, string Body, string DraftedBy, DateTimeOffset DraftedAt, string? DrafterName = null,
    string? Validity = null, IReadOnlyList<string>? Obligations = null, IReadOnlyList<string>? Reasons = null);
