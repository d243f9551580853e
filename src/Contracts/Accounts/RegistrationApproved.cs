using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>SOP step 2 done: the account exists and its credentials were queued for email (step 3).</summary>
[EntityName("ptsp.registration-approved.v1")]
[MessageUrn("ptsp:registration-approved:v1")]
public sealed record RegistrationApproved(
    Guid RegistrationId,
    string Username,
    string ApprovedBy,
    DateTimeOffset ApprovedAt);
