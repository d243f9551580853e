namespace Ptsp.Contracts.Permits;

// The satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017), owned by Signing: it holds the decision
// the survey follows and knows the applicant it was sent to. Answers are kept apart from the application (anonymous).

/// <summary>
/// The applicant answers the nine elements U1–U9, each 1–4, once per application, after the decision. Replies
/// CommandAccepted or CommandRefused (not the applicant's, no decision yet, already answered, invalid answers).
/// </summary>
public sealed record SubmitSurvey(Guid ApplicationId, string ApplicantUsername, IReadOnlyList<int>? Answers);

/// <summary>Whether the applicant was invited to the survey of one application and has answered. Replies <see cref="SurveyInvitation"/> or CommandRefused.</summary>
public sealed record GetSurveyInvitation(Guid ApplicationId, string ApplicantUsername);

public sealed record SurveyInvitation(Guid ApplicationId, bool Open, DateTimeOffset? AnsweredAt);

/// <summary>Signing to itself, from the write that closes the application's survey: store the answers without the application.</summary>
public sealed record RecordSurveyResponse(Guid ResponseId, string PermitTypeCode, IReadOnlyList<int> Answers, DateTimeOffset AnsweredAt);

/// <summary>The SKM report over answers given in [From, To). Replies <see cref="SkmReport"/>.</summary>
public sealed record GetSkmReport(DateTimeOffset From, DateTimeOffset To);

/// <summary>Each element's average (unit-level NRR) and the IKM with its quality category (null without answers).</summary>
public sealed record SkmReport(DateTimeOffset From, DateTimeOffset To, int Respondents, IReadOnlyList<SkmElement> Elements, decimal? Ikm, string? Category);

public sealed record SkmElement(string Code, string Name, decimal? Average);
