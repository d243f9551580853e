using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

public sealed record InspectionReport(Guid DocumentId, string Sha256, long Length, string UploadedBy, DateTimeOffset UploadedAt);
