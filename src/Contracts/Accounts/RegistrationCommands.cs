namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 1: an applicant asks for an account. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record SubmitRegistration(
    Guid RegistrationId,
    string FullName,
    string Nik,
    string Email,
    string Phone,
    string Address,
    string? Npwp);

/// <summary>SOP step 2: FrontOffice approves the account request. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ApproveRegistration(Guid RegistrationId, string Officer);

/// <summary>SOP step 2: FrontOffice refuses the account request with a reason the applicant is told.</summary>
public sealed record RejectRegistration(Guid RegistrationId, string Officer, string Reason);
