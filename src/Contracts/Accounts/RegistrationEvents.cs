using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 1 done: an account request waits for FrontOffice (step 2).</summary>
[EntityName("ptsp.registration-submitted.v1")]
[MessageUrn("ptsp:registration-submitted:v1")]
public sealed record RegistrationSubmitted(
    Guid RegistrationId,
    string FullName,
    string Nik,
    string Email,
    DateTimeOffset SubmittedAt);

/// <summary>SOP step 2 done: the account exists and its credentials were queued for email (step 3).</summary>
[EntityName("ptsp.registration-approved.v1")]
[MessageUrn("ptsp:registration-approved:v1")]
public sealed record RegistrationApproved(
    Guid RegistrationId,
    string Username,
    string ApprovedBy,
    DateTimeOffset ApprovedAt);

/// <summary>SOP step 2 ended with a refusal; the applicant was emailed the reason.</summary>
[EntityName("ptsp.registration-rejected.v1")]
[MessageUrn("ptsp:registration-rejected:v1")]
public sealed record RegistrationRejected(
    Guid RegistrationId,
    string Reason,
    string RejectedBy,
    DateTimeOffset RejectedAt);
