namespace Ptsp.Contracts.Permits;

public sealed record ResubmitApplication(Guid ApplicationId, string ApplicantUsername);
