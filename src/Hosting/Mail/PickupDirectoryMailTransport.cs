using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Mail;

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
