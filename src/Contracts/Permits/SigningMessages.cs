using MassTransit;

namespace Ptsp.Contracts.Permits;

public enum DecisionKind
{
    Permit,
    Rejection,
}

/// <summary>
/// Workflow → Signing, after step 6: open the decision for drafting (step 7); a Reject recommendation calls for a rejection letter.
/// The applicant's email and the receipt number let Signing send the signed decision to the applicant.
/// </summary>
public sealed record OpenDrafting(
    Guid ApplicationId,
    string ApplicantUsername,
    string ApplicantName,
    string BusinessName,
    string PermitTypeCode,
    string PermitTypeName,
    Recommendation Recommendation,
    string? ApplicantEmail = null,
    string? ReceiptNumber = null,
    string? RecommendationNotes = null,
    string? Sector = null);

/// <summary>Signing → Workflow: the decision is open, so back office may draft it (step 7) from now on.</summary>
[EntityName("ptsp.drafting-opened.v1")]
[MessageUrn("ptsp:drafting-opened:v1")]
public sealed record DraftingOpened(Guid ApplicationId, DateTimeOffset OpenedAt);

// Commands to Signing (steps 7–10). Each replies CommandAccepted or CommandRefused; Signing validates every field.

/// <summary>
/// Step 7. The decree's fixed text comes from the permit type's template; the drafter fills its variable parts:
/// <paramref name="Body"/> (a further provision of a permit, or a further reason of a rejection), the validity
/// period and obligations of a permit (the template's when null), the reasons of a rejection.
/// </summary>
public sealed record DraftDecision(Guid ApplicationId, string Officer, DecisionKind? Kind, string? Body, OfficerIdentity? OfficerIdentity = null,
    string? Validity = null, IReadOnlyList<string>? Obligations = null, IReadOnlyList<string>? Reasons = null);

/// <summary>
/// Steps 8 (SectionHead) and 9 (DivisionHead): validate the draft or send it back to drafting with a note. A section head's
/// <paramref name="Sectors"/> (from the token) must cover the permit's sector ("Kasi terkait"); Signing decides.
/// </summary>
public sealed record VerifyDecision(Guid ApplicationId, string Officer, string Role, bool? Approve, string? Note,
    IReadOnlyList<string>? Sectors = null);

/// <summary>Step 10: the agency head signs, or sends the draft back with a note.</summary>
public sealed record SignDecision(Guid ApplicationId, string Officer, string OfficerName, bool? Approve, string? Note, OfficerIdentity? OfficerIdentity = null);

// Events published by Signing. Revision counts drafts of one application, from 1.

[EntityName("ptsp.decision-drafted.v1")]
[MessageUrn("ptsp:decision-drafted:v1")]
public sealed record DecisionDrafted(Guid ApplicationId, string Officer, DecisionKind Kind, int Revision, DateTimeOffset DraftedAt);

[EntityName("ptsp.decision-verified.v1")]
[MessageUrn("ptsp:decision-verified:v1")]
public sealed record DecisionVerified(Guid ApplicationId, string Officer, string Role, int Revision, DateTimeOffset VerifiedAt);

/// <summary>A verifier or the head sent the draft back to drafting (step 7).</summary>
[EntityName("ptsp.decision-returned.v1")]
[MessageUrn("ptsp:decision-returned:v1")]
public sealed record DecisionReturned(Guid ApplicationId, string Officer, string Role, string Note, int Revision, DateTimeOffset ReturnedAt);

[EntityName("ptsp.permit-issued.v1")]
[MessageUrn("ptsp:permit-issued:v1")]
public sealed record PermitIssued(
    Guid ApplicationId,
    string DocumentNumber,
    string ApplicantUsername,
    string HolderName,
    string BusinessName,
    string PermitTypeCode,
    string Signer,
    DateTimeOffset SignedAt);

[EntityName("ptsp.permit-rejected.v1")]
[MessageUrn("ptsp:permit-rejected:v1")]
public sealed record PermitRejected(
    Guid ApplicationId,
    string DocumentNumber,
    string ApplicantUsername,
    string HolderName,
    string BusinessName,
    string PermitTypeCode,
    string Signer,
    DateTimeOffset SignedAt);

/// <summary>The public record of a signed decision. Replies <see cref="DecisionVerification"/> or CommandRefused (NotFound).</summary>
public sealed record GetDecisionVerification(string DocumentNumber);

/// <summary><paramref name="Valid"/>: signed, unaltered and not revoked; a revoked permit names when and why.</summary>
public sealed record DecisionVerification(
    string DocumentNumber,
    DecisionKind Kind,
    Guid ApplicationId,
    string HolderName,
    string BusinessName,
    string PermitTypeName,
    DateTimeOffset SignedAt,
    string SignerName,
    string Sha256,
    bool Valid,
    DateTimeOffset? RevokedAt = null,
    string? RevocationReason = null);

/// <summary>
/// The agency head revokes a signed permit (after step 10), with a reason. Signing, the owner of decisions, replies
/// CommandAccepted or CommandRefused (not a signed permit, no reason, already revoked).
/// </summary>
public sealed record RevokePermit(Guid ApplicationId, string Officer, string OfficerName, string? Reason);

/// <summary>A signed permit was revoked: verification answers valid: false from now on.</summary>
[EntityName("ptsp.permit-revoked.v1")]
[MessageUrn("ptsp:permit-revoked:v1")]
public sealed record PermitRevoked(
    Guid ApplicationId,
    string DocumentNumber,
    string PermitTypeCode,
    string Reason,
    string RevokedBy,
    DateTimeOffset RevokedAt);
