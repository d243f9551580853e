using MassTransit;

namespace Ptsp.Contracts.Permits;

[EntityName("ptsp.inspection-report-uploaded.v1")]
[MessageUrn("ptsp:inspection-report-uploaded:v1")]
public sealed record InspectionReportUploaded(
    Guid ApplicationId,
    string Officer,
    string Sha256,
    DateTimeOffset UploadedAt);
