using Ptsp.Contracts.Permits;

namespace Ptsp.Signing.Decisions;

/// <summary>One application's decision: its drafts, the two verifications, the head's signature.</summary>
public sealed class DecisionCase
{
    /// <summary>The SOP step as far as Signing knows it: 7 to 10 while the decision is open; none once signed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? Step => State switch
    {
        DecisionState.AwaitingDraft => 7,
        DecisionState.AwaitingSectionHead => 8,
        DecisionState.AwaitingDivisionHead => 9,
        DecisionState.AwaitingSignature => 10,
        _ => null,
    };

    public Guid Id { get; set; }

    public string ApplicantUsername { get; set; } = "";

    public string HolderName { get; set; } = "";

    /// <summary>Where the signed decision is sent (step 10); null for decisions opened before Workflow passed it on.</summary>
    public string? ApplicantEmail { get; set; }

    public string? ReceiptNumber { get; set; }

    public string BusinessName { get; set; } = "";

    public string PermitTypeCode { get; set; } = "";


    /// <summary>The permit type's sector: only a section head who covers it verifies at step 8 (null for files opened before sectors).</summary>

    public string? Sector { get; set; }

    public string PermitTypeName { get; set; } = "";

    public Recommendation Recommendation { get; set; }

    /// <summary>The technical team's notes (step 6): the first reason of a rejection letter.</summary>
    public string? RecommendationNotes { get; set; }

    public DecisionState State { get; set; }

    /// <summary>Drafts so far; the current one is the last.</summary>
    public List<Draft> Drafts { get; set; } = [];

    public List<Review> Reviews { get; set; } = [];

    public string? DocumentNumber { get; set; }

    public string? SignedBy { get; set; }

    public string? SignerName { get; set; }

    /// <summary>The signer's NIP where the account has one.</summary>
    public string? SignerNip { get; set; }

    /// <summary>The signer's title as printed (e.g. "Plt. Kepala Dinas …"); null: the agency head's configured title.</summary>
    public string? SignerPosition { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>SHA-256 (hex) of the signed PDF as issued: what the verification page vouches for.</summary>
    public string? Sha256 { get; set; }

    /// <summary>When the agency head revoked the signed permit (null while in force), who, and why.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }

    /// <summary>When the applicant answered the satisfaction survey (SKM) of this application; the answers are stored apart, without it.</summary>
    public DateTimeOffset? SurveyAnsweredAt { get; set; }

    /// <summary>A Reject recommendation calls for a rejection letter; an Approve for the permit.</summary>
    public DecisionKind ExpectedKind => Recommendation == Recommendation.Approve ? DecisionKind.Permit : DecisionKind.Rejection;

    public int Revision => Drafts.Count;
}
