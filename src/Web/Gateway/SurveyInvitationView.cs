namespace Ptsp.Web.Gateway;

public sealed record SurveyInvitationView(Guid ApplicationId, bool Open, DateTimeOffset? AnsweredAt);
