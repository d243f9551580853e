namespace Ptsp.Contracts.Permits;

/// <summary>Step 6: the technical team's recommendation.</summary>
public sealed record RecordTechnicalRecommendation(
    Guid ApplicationId,
    string Officer,
    Recommendation? Recommendation,
    string? Notes);
