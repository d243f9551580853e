namespace Ptsp.Contracts.Permits;

/// <summary>Applications: one applicant's, or all (optionally at one step) for officers.</summary>
public sealed record GetApplications(string? ApplicantUsername, int? Step);
