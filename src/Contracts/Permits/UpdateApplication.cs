namespace Ptsp.Contracts.Permits;

/// <summary>The applicant edits the business data while the file is with them (a draft, or returned at step 4).</summary>
public sealed record UpdateApplication(Guid ApplicationId, string ApplicantUsername, string? BusinessName, string? BusinessAddress, string? Description);
