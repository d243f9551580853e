using MassTransit;

namespace Ptsp.Contracts.Permits;

// Events published by Intake.

/// <summary>Step 3: a draft. <paramref name="ApplicantEmail"/> (added in v1, null before) lets later steps' services email the applicant.</summary>
[EntityName("ptsp.application-created.v1")]
[MessageUrn("ptsp:application-created:v1")]
public sealed record ApplicationCreated(
    Guid ApplicationId,
    string ApplicantUsername,
    string ApplicantName,
    string PermitTypeCode,
    string PermitTypeName,
    string BusinessName,
    DateTimeOffset CreatedAt,
    string? ApplicantEmail = null,
    string? Sector = null);
