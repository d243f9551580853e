using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Mail;

/// <summary>Delivers MIME messages: to a pickup folder (embedded mode) or an SMTP server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
