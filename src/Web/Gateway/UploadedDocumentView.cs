namespace Ptsp.Web.Gateway;

public sealed record UploadedDocumentView(string RequirementCode, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);
