using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

public enum DecisionState
{
    /// <summary>Step 7: back office drafts the permit or the rejection letter.</summary>
    AwaitingDraft,

    /// <summary>Step 8.</summary>
    AwaitingSectionHead,

    /// <summary>Step 9.</summary>
    AwaitingDivisionHead,

    /// <summary>Step 10.</summary>
    AwaitingSignature,

    /// <summary>Signed: the permit is issued, or the rejection letter sent.</summary>
    Signed,
}

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

    public DecisionState State { get; set; }

    /// <summary>Drafts so far; the current one is the last.</summary>
    public List<Draft> Drafts { get; set; } = [];

    public List<Review> Reviews { get; set; } = [];

    public string? DocumentNumber { get; set; }

    public string? SignedBy { get; set; }

    public string? SignerName { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>SHA-256 (hex) of the signed PDF as issued: what the verification page vouches for.</summary>
    public string? Sha256 { get; set; }

    /// <summary>A Reject recommendation calls for a rejection letter; an Approve for the permit.</summary>
    public DecisionKind ExpectedKind => Recommendation == Recommendation.Approve ? DecisionKind.Permit : DecisionKind.Rejection;

    public int Revision => Drafts.Count;
}

public sealed record Draft(int Revision, DecisionKind Kind, string Body, string DraftedBy, DateTimeOffset DraftedAt);

public sealed record Review(int Revision, string Officer, string Role, bool Approved, string? Note, DateTimeOffset At);

public sealed class SigningStore(StorageFactory storage)
{
    public static readonly CollectionDefinition<DecisionCase> DecisionsDefinition = new CollectionDefinition<DecisionCase>("decisions")
        .Index("state")
        .Index("documentNumber", unique: true)
        .Index("sha256");

    public Task<IDocumentCollection<DecisionCase>> DecisionsAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, DecisionsDefinition, cancellationToken);

    public IBlobStore Files => storage.OpenBlobs(Extensions.Store);

    public static string DecisionKey(Guid applicationId) => $"decisions/{applicationId}.pdf";

    public async Task<SequenceNumbers> SequencesAsync(CancellationToken cancellationToken = default) =>
        new(await storage.OpenCollectionAsync(Extensions.Store, SequenceNumbers.Definition, cancellationToken));
}
