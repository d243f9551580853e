namespace Ptsp.Contracts.Permits;

/// <summary>One requirement document as uploaded: <paramref name="Name"/> is the requirement's name in the catalogue.</summary>
public sealed record UploadedDocumentInfo(string RequirementCode, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);
