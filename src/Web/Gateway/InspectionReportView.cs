namespace Ptsp.Web.Gateway;

public sealed record InspectionReportView(string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);
