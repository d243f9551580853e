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
