namespace Ptsp.Web.Gateway;

public sealed record UploadedDocument(Guid DocumentId, string Sha256);
