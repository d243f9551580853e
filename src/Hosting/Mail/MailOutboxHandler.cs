using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Mail;

/// <summary>
/// The outbox kind "mail": turns a stored <see cref="MailMessage"/> into MIME with the outbox id as Message-Id, so
/// a repeated delivery is the same message (the pickup folder keeps one file; a mail server can recognise it).
/// </summary>
public sealed class MailOutboxHandler(IMailTransport transport, MailOptions options, StorageFactory storage) : IOutboxHandler
{
    public const string MailKind = "mail";

    public string Kind => MailKind;

    public static OutboxMessage Create(MailMessage mail, DateTimeOffset now) =>
        new(Guid.NewGuid(), MailKind, OutboxMessage.TypeName(typeof(MailMessage)),
            System.Text.Json.JsonSerializer.Serialize(mail, StorageJson.Options), null, now);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = System.Text.Json.JsonSerializer.Deserialize<MailMessage>(message.Body, StorageJson.Options)!;
        // Disposed when sent: its parts hold the attachments' streams, and MimeKit's objects are finalizable.
        using var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@ptsp",
            Date = message.CreatedAt,
            Subject = mail.Subject,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(mail.ToName, mail.To));

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments ?? [])
        {
            // A missing file is an error to retry, not a reason to send the mail without what it promises.
            await using var content = await storage.OpenBlobs(attachment.Store).OpenAsync(attachment.BlobKey, cancellationToken)
                                      ?? throw new InvalidOperationException($"Attachment {attachment.Store}/{attachment.BlobKey} is not stored.");
            await body.Attachments.AddAsync(attachment.FileName, content, ContentType.Parse(attachment.ContentType), cancellationToken);
        }

        mime.Body = body.ToMessageBody();
        // 7-bit safe (quoted-printable text, base64 files), so a pickup file passes through any relay unchanged.
        mime.Prepare(EncodingConstraint.SevenBit);
        await transport.SendAsync(mime, cancellationToken);
    }
}
