namespace Ptsp.Contracts.Permits;

// Commands to Signing (steps 7–10). Each replies CommandAccepted or CommandRefused; Signing validates every field.

/// <summary>
/// Step 7. The decree's fixed text comes from the permit type's template; the drafter fills its variable parts:
/// <paramref name="Body"/> (a further provision of a permit, or a further reason of a rejection), the validity
/// period and obligations of a permit (the template's when null), the reasons of a rejection.
/// </summary>
public sealed record DraftDecision(Guid ApplicationId, string Officer, DecisionKind? Kind, string? Body, OfficerIdentity? OfficerIdentity = null,
    string? Validity = null, IReadOnlyList<string>? Obligations = null, IReadOnlyList<string>? Reasons = null);
