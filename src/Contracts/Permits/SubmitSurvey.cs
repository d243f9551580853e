namespace Ptsp.Contracts.Permits;

// The satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017), owned by Signing: it holds the decision
// the survey follows and knows the applicant it was sent to. Answers are kept apart from the application (anonymous).

/// <summary>
/// The applicant answers the nine elements U1–U9, each 1–4, once per application, after the decision. Replies
/// CommandAccepted or CommandRefused (not the applicant's, no decision yet, already answered, invalid answers).
/// </summary>
public sealed record SubmitSurvey(Guid ApplicationId, string ApplicantUsername, IReadOnlyList<int>? Answers);
