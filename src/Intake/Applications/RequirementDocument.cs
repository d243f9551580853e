namespace Ptsp.Intake.Applications;

public sealed record RequirementDocument(Guid DocumentId, string ContentType, string Sha256, long Length, DateTimeOffset UploadedAt);
