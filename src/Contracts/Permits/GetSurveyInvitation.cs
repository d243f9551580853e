namespace Ptsp.Contracts.Permits;

/// <summary>Whether the applicant was invited to the survey of one application and has answered. Replies <see cref="SurveyInvitation"/> or CommandRefused.</summary>
public sealed record GetSurveyInvitation(Guid ApplicationId, string ApplicantUsername);
