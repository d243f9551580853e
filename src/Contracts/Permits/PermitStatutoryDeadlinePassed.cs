using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>
/// The permit type's statutory total service time passed without a decision (UU 30/2014 art. 53 as amended:
/// a silent agency is deemed to have granted the application).
/// </summary>
[EntityName("ptsp.permit-statutory-deadline-passed.v1")]
[MessageUrn("ptsp:permit-statutory-deadline-passed:v1")]
public sealed record PermitStatutoryDeadlinePassed(Guid ApplicationId, string PermitTypeCode, DateTimeOffset StatutoryDueAt, DateTimeOffset DetectedAt);
