namespace Ptsp.Contracts.Permits;

/// <summary>
/// The applicant withdraws the application before the decision (answered by Workflow, which alone knows whether a decision
/// was signed). Replies CommandAccepted, or CommandRefused: NotFound (not theirs), Conflict (decided or withdrawn, with the step).
/// </summary>
public sealed record WithdrawApplication(Guid ApplicationId, string ApplicantUsername, string? Reason);
