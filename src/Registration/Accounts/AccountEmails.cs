using Ptsp.Hosting.Mail;

namespace Ptsp.Registration.Accounts;

/// <summary>The emails of steps 1–3, in Bahasa Indonesia. The credential email's plain text has the lines api.md promises.</summary>
public static class AccountEmails
{
    public static MailMessage Received(Account account) => new(account.Email!, account.FullName,
        "Pendaftaran akun PTSP diterima",
        $"""
        Yth. {account.FullName},

        Permohonan akun Anda pada layanan perizinan DPMPTSP telah kami terima dan sedang diperiksa oleh petugas Front Office.
        Nomor pendaftaran: {account.Id}

        Nama pengguna dan kata sandi akan dikirim ke alamat email ini setelah pendaftaran disetujui.

        Hormat kami,
        DPMPTSP
        """);

    public static MailMessage Credentials(Account account, string oneTimePassword) => new(account.Email!, account.FullName,
        "Akun PTSP Anda telah aktif",
        $"""
        Yth. {account.FullName},

        Pendaftaran akun Anda pada layanan perizinan DPMPTSP telah disetujui. Gunakan data berikut untuk masuk:

        Username: {account.Username}
        Password: {oneTimePassword}

        Kata sandi ini hanya untuk masuk pertama kali; Anda akan diminta menggantinya.
        Jangan berikan kata sandi kepada siapa pun, termasuk petugas.

        Hormat kami,
        DPMPTSP
        """);

    public static MailMessage Rejected(Account account) => new(account.Email!, account.FullName,
        "Pendaftaran akun PTSP ditolak",
        $"""
        Yth. {account.FullName},

        Mohon maaf, pendaftaran akun Anda pada layanan perizinan DPMPTSP tidak dapat disetujui.
        Alasan: {account.RejectionReason}

        Anda dapat mendaftar kembali dengan data yang telah diperbaiki.

        Hormat kami,
        DPMPTSP
        """);
}
