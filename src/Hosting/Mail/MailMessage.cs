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
