using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>A signed-in user replaces their password (required after the one-time password of step 3).</summary>
public sealed class ChangePasswordConsumer(AccountStore store, PasswordHasher hasher, TimeProvider time) : IConsumer<ChangePassword>
{
    public const int MinimumLength = 10;

    public async Task Consume(ConsumeContext<ChangePassword> context)
    {
        var request = context.Message;
        var stored = await store.FindByUsernameAsync(request.Username, context.CancellationToken);
        if (stored is null || stored.Document.Status != AccountStatus.Active)
        {
            await context.RespondAsync(new CommandRefused(RefusalKind.Unauthorized, "Akun tidak aktif."));
            return;
        }

        var account = stored.Document;
        if (!hasher.Verify(account.PasswordHash, request.CurrentPassword ?? ""))
        {
            await context.Invalid("currentPassword", "Password saat ini salah.");
            return;
        }

        if (PolicyError(request.NewPassword, request.CurrentPassword, account) is { } error)
        {
            await context.Invalid("newPassword", error);
            return;
        }

        // A chosen password replaced: every older session ends (ADR 0010, issue 14 point 6). Replacing the one-time password
        // ends none: its token is good for nothing but this change, and no stamp is kept for the many who only did that.
        var now = time.GetUtcNow();
        var endsSessions = !account.MustChangePassword;
        account.PasswordHash = hasher.Hash(request.NewPassword);
        account.MustChangePassword = false;
        account.PasswordChangedAt = now;
        await (await store.AccountsAsync(context.CancellationToken)).ReplaceAsync(stored.Id, account, stored.Version,
            endsSessions ? [OfficerChanges.EndSessions(account, now)] : null, context.CancellationToken);
        await context.Accepted(account.Id);
    }

    public static string? PolicyError(string? password, string? current, Account account)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength || password.Length > 200)
            return $"Password baru minimal {MinimumLength} karakter.";
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            return "Password baru harus berisi huruf dan angka.";
        if (password == current)
            return "Password baru harus berbeda dari password saat ini.";
        if (account.Username is { } u && password.Contains(u, StringComparison.OrdinalIgnoreCase))
            return "Password baru tidak boleh memuat username.";
        return null;
    }

}
