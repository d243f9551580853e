using System.Text;
using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>Sets the new password with a reset token: once, within its 30 minutes; older sessions end (a new security stamp).</summary>
public sealed class ConfirmPasswordResetConsumer(AccountStore store, PasswordHasher hasher, LoginThrottle throttle, TimeProvider time)
    : IConsumer<ConfirmPasswordReset>
{
    public const string InvalidToken = "Tautan atur ulang kata sandi tidak berlaku, sudah dipakai, atau sudah kedaluwarsa. Mintalah tautan baru.";

    public async Task Consume(ConsumeContext<ConfirmPasswordReset> context)
    {
        var token = context.Message.Token?.Trim() ?? "";
        if (token.Length is < 20 or > 200)
        {
            await context.Invalid("token", InvalidToken);
            return;
        }

        var accounts = await store.AccountsAsync(context.CancellationToken);
        var found = await accounts.QueryAsync(Query.By("passwordResetTokenHash", RequestPasswordResetConsumer.Hash(token)).Take(1),
            context.CancellationToken);
        var now = time.GetUtcNow();
        if (found is not [{ Document: { Status: AccountStatus.Active, PasswordResetExpiresAt: { } expires } account } stored] || expires <= now)
        {
            await context.Invalid("token", InvalidToken);
            return;
        }

        if (ChangePasswordConsumer.PolicyError(context.Message.NewPassword, null, account) is { } error)
        {
            await context.Invalid("newPassword", error);
            return;
        }

        account.PasswordHash = hasher.Hash(context.Message.NewPassword!);
        account.MustChangePassword = false;
        account.PasswordChangedAt = now;
        account.PasswordResetTokenHash = null;
        account.PasswordResetExpiresAt = null;
        try
        {
            await accounts.ReplaceAsync(stored.Id, account, stored.Version, [OfficerChanges.EndSessions(account, now)], context.CancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The same link used twice at once: the other use won.
            await context.Invalid("token", InvalidToken);
            return;
        }

        await throttle.ResetAsync(account.Username!, context.CancellationToken);
        await context.Accepted(account.Id);
    }
}
