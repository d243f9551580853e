namespace Ptsp.Contracts.Permits;

public sealed record InspectionReportInfo(string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);
