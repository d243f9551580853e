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

    /// <summary>The applicant withdrew the application before the signature (Workflow decided); nothing more is drafted, verified or signed.</summary>
    Withdrawn,
}
