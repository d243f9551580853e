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
