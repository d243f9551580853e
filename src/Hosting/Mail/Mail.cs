using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Mail;

/// <summary>
/// An email to send, as stored in an outbox until delivered. <see cref="TextBody"/> is always sent; with an
/// <see cref="HtmlBody"/> the two are alternatives of one message (multipart/alternative).
/// </summary>
public sealed record MailMessage(string To, string ToName, string Subject, string TextBody, string? HtmlBody = null,
    IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>Delivers MIME messages: to a pickup folder (embedded mode) or an SMTP server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed record MailOptions(string? PickupDirectory, string? SmtpHost, int SmtpPort, string From, string FromName)
{
    public static MailOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Mail");
        var smtpHost = section["Smtp:Host"];
        var pickup = section["PickupDirectory"];
        if (string.IsNullOrWhiteSpace(smtpHost) && string.IsNullOrWhiteSpace(pickup))
            pickup = "./data/mail";
        var portText = section["Smtp:Port"];
        var port = 25;
        if (!string.IsNullOrWhiteSpace(portText) && !int.TryParse(portText, out port))
            throw new InvalidOperationException($"Mail:Smtp:Port '{portText}' is not a port number.");
        return new MailOptions(pickup, smtpHost, port, section["Smtp:From"] ?? "noreply@ptsp.local", section["FromName"] ?? "DPMPTSP");
    }
}

/// <summary>Writes each message as <c>{Message-Id}.eml</c>: delivering the same message twice leaves one file.</summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
        var path = Path.Combine(directory, name + ".eml");
        // A temporary file of its own: two replicas may deliver the same message at once (each with its own MIME boundaries).
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await message.WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}

public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

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
        var mime = new MimeMessage
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
