using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Mail;

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
