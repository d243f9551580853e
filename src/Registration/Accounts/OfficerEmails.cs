using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;

namespace Ptsp.Registration.Accounts;

/// <summary>Emails about officer accounts and the "lupa kata sandi" link, in Bahasa Indonesia (MIME, HTML and plain text).</summary>
public sealed class OfficerEmails(AgencyOptions agency, PublicSite site)
{
    /// <summary>The path of the web page that takes a reset token (<c>/atur-ulang-kata-sandi?token=</c>).</summary>
    public const string ResetPagePath = "atur-ulang-kata-sandi";

    /// <summary>A new officer account, or a password the administrator reset. The plain text has the lines api.md promises.</summary>
    public MailMessage Credentials(Account account, string oneTimePassword, bool reset) =>
        new MailComposer(agency, reset ? "Kata sandi akun petugas PTSP diatur ulang" : "Akun petugas PTSP Anda")
            .Greeting(account.FullName)
            .Paragraph(reset
                ? "Administrator telah mengatur ulang kata sandi akun petugas Anda. Sesi yang masih terbuka telah diakhiri."
                : "Administrator telah membuatkan akun petugas untuk Anda pada aplikasi perizinan.")
            .Paragraph($"Username: {account.Username}")
            .Paragraph($"Password: {oneTimePassword}")
            .Paragraph("Kata sandi ini hanya untuk masuk pertama kali; Anda akan diminta menggantinya. " +
                       "Jangan berikan kata sandi kepada siapa pun.")
            .Link("Masuk ke aplikasi", new Uri(site.BaseUrl, "masuk").ToString())
            .ToMessage(account.Email!, account.FullName);

    public MailMessage ResetLink(Account account, string token, DateTimeOffset expiresAtLocal) =>
        new MailComposer(agency, "Atur ulang kata sandi akun PTSP")
            .Greeting(account.FullName)
            .Paragraph("Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Buka tautan berikut untuk membuat kata sandi baru. " +
                       "Tautan hanya dapat dipakai sekali dan berlaku 30 menit.")
            .Fields(("Username", account.Username!), ("Berlaku sampai", MailComposer.LongDateTime(expiresAtLocal)))
            .Link("Atur ulang kata sandi", new Uri(site.BaseUrl, $"{ResetPagePath}?token={Uri.EscapeDataString(token)}").ToString())
            .Paragraph("Jika Anda tidak meminta ini, abaikan email ini; kata sandi Anda tidak berubah.")
            .ToMessage(account.Email!, account.FullName);
}
