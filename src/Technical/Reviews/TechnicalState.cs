using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

public enum TechnicalState
{
    /// <summary>Step 5: back office enters the technical data and schedules the review.</summary>
    AwaitingTechnicalData,

    /// <summary>Step 6: the technical team holds the meeting and/or inspection and recommends.</summary>
    InReview,

    /// <summary>Step 6 done.</summary>
    Recommended,

    /// <summary>The applicant withdrew the application (Workflow decided); no further action is taken on the file.</summary>
    Withdrawn,
}
