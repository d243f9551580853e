using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>SOP step 2 passed its target: an account request waited too long for FrontOffice.</summary>
[EntityName("ptsp.registration-approval-overdue.v1")]
[MessageUrn("ptsp:registration-approval-overdue:v1")]
public sealed record RegistrationApprovalOverdue(Guid RegistrationId, DateTimeOffset DueAt, DateTimeOffset DetectedAt);
