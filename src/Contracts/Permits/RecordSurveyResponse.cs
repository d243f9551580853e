namespace Ptsp.Contracts.Permits;

/// <summary>Signing to itself, from the write that closes the application's survey: store the answers without the application.</summary>
public sealed record RecordSurveyResponse(Guid ResponseId, string PermitTypeCode, IReadOnlyList<int> Answers, DateTimeOffset AnsweredAt);
