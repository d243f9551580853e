namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 2: FrontOffice approves the account request. Replies <c>CommandAccepted</c> or <c>CommandRefused</c>.</summary>
public sealed record ApproveRegistration(Guid RegistrationId, string Officer);
