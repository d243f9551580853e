namespace Ptsp.Hosting.Mail;

/// <summary>
/// A file to attach, by reference: the key of a file in the sending service's own blob store (<paramref name="Store"/> is the
/// service's store name), read when the mail is delivered. The PDFs the applicant receives are already stored by the
/// service that made them, so the outbox holds a short key instead of a copy of the bytes: every write that carries a
/// mail stays small, and the document the mail names is the very file the service vouches for.
/// </summary>
public sealed record MailAttachment(string FileName, string ContentType, string Store, string BlobKey);
