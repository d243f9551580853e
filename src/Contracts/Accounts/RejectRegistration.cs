namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 2: FrontOffice refuses the account request with a reason the applicant is told.</summary>
public sealed record RejectRegistration(Guid RegistrationId, string Officer, string Reason);
