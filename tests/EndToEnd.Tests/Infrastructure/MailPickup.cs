using MimeKit;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>The mail pickup folder: every message the services sent, as real MIME files.</summary>
public sealed class MailPickup(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<MimeMessage> To(string address) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.eml")
                .Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];

    /// <summary>Waits for the credential email of step 3 and reads its Username and Password lines.</summary>
    public async Task<(string Username, string Password, MimeMessage Message)> CredentialsAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var mail = CredentialMails(address).FirstOrDefault();
            if (mail is not null)
            {
                var lines = mail.TextBody!.Split('\n').Select(l => l.Trim()).ToList();
                var username = lines.Single(l => l.StartsWith("Username: ", StringComparison.Ordinal))["Username: ".Length..];
                var password = lines.Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..];
                return (username, password, mail);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No credential email to {address} in {Directory}.");
    }

    public IReadOnlyList<MimeMessage> CredentialMails(string address) =>
        To(address).Where(m => m.TextBody?.Contains("Password: ", StringComparison.Ordinal) == true).ToList();
}
