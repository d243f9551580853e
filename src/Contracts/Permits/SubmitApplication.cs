namespace Ptsp.Contracts.Permits;

public sealed record SubmitApplication(Guid ApplicationId, string ApplicantUsername);
