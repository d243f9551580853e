namespace Ptsp.Contracts.Permits;

public sealed record ApplicationDocuments(Guid ApplicationId, IReadOnlyList<UploadedDocumentInfo> Items);
