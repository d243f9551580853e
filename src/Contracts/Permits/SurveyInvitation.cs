namespace Ptsp.Contracts.Permits;

public sealed record SurveyInvitation(Guid ApplicationId, bool Open, DateTimeOffset? AnsweredAt);
