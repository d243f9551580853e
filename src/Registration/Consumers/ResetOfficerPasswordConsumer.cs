using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

public sealed class ResetOfficerPasswordConsumer(AccountStore store, PasswordHasher hasher, OfficerEmails emails, TimeProvider time)
    : IConsumer<ResetOfficerPassword>
{
    public async Task Consume(ConsumeContext<ResetOfficerPassword> context)
    {
        var (accounts, stored) = await OfficerChanges.FindAsync(store, context.Message.OfficerId, context);
        if (stored is null)
            return;
        var account = stored.Document;
        if (account.Status != AccountStatus.Active)
        {
            await context.Conflict("Akun petugas ini nonaktif; aktifkan kembali sebelum mengatur ulang kata sandi.");
            return;
        }

        if (string.IsNullOrEmpty(account.Email))
        {
            await context.Conflict("Akun petugas ini belum memiliki email; isi email terlebih dahulu.");
            return;
        }

        var now = time.GetUtcNow();
        var password = PasswordHasher.GenerateOneTimePassword();
        account.PasswordHash = hasher.Hash(password);
        account.MustChangePassword = true;
        account.PasswordChangedAt = now;
        await accounts.ReplaceAsync(stored.Id, account, stored.Version,
        [
            OfficerChanges.EndSessions(account, now),
            MailOutboxHandler.Create(emails.Credentials(account, password, reset: true), now),
        ], context.CancellationToken);
        await context.Accepted(account.Id);
    }
}
