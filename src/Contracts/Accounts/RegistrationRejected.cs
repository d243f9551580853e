using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 2 ended with a refusal; the applicant was emailed the reason.</summary>
[EntityName("ptsp.registration-rejected.v1")]
[MessageUrn("ptsp:registration-rejected:v1")]
public sealed record RegistrationRejected(
    Guid RegistrationId,
    string Reason,
    string RejectedBy,
    DateTimeOffset RejectedAt);
