using MassTransit;

namespace Ptsp.Contracts.Permits;

[EntityName("ptsp.technical-recommendation-issued.v1")]
[MessageUrn("ptsp:technical-recommendation-issued:v1")]
public sealed record TechnicalRecommendationIssued(
    Guid ApplicationId,
    string Officer,
    Recommendation Recommendation,
    string Notes,
    DateTimeOffset IssuedAt);
