using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>Login: the same refusal whether the user is unknown, not active or mistyped the password; throttled after repeated failures.</summary>
public sealed class AuthenticateUserConsumer(AccountStore store, PasswordHasher hasher, LoginThrottle throttle, TokenIssuer tokens)
    : IConsumer<AuthenticateUser>
{
    public const string WrongCredentials = "Username atau kata sandi salah.";

    public async Task Consume(ConsumeContext<AuthenticateUser> context)
    {
        var username = context.Message.Username?.Trim() ?? "";
        var password = context.Message.Password ?? "";
        if (username.Length is 0 or > 100 || password.Length is 0 or > 200)
        {
            await context.RespondAsync(new CommandRefused(RefusalKind.Unauthorized, WrongCredentials));
            return;
        }

        if (await throttle.LockedForAsync(username, context.CancellationToken) is { } lockedFor)
        {
            await context.RespondAsync(new CommandRefused(RefusalKind.Throttled,
                "Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi nanti.", RetryAfter: lockedFor));
            return;
        }

        var stored = await store.FindByUsernameAsync(username, context.CancellationToken);
        var account = stored?.Document;
        var active = account is { Status: AccountStatus.Active };
        if (!hasher.Verify(active ? account!.PasswordHash : null, password) || !active)
        {
            await throttle.RecordFailureAsync(username, context.CancellationToken);
            await context.RespondAsync(new CommandRefused(RefusalKind.Unauthorized, WrongCredentials));
            return;
        }

        await throttle.ResetAsync(username, context.CancellationToken);
        if (hasher.NeedsRehash(account!.PasswordHash))
            await RehashAsync(stored!, password, context.CancellationToken);
        await context.RespondAsync(tokens.Issue(account));
    }

    /// <summary>
    /// The password just verified, stored again at the current cost. A write that loses to another (a second sign-in, a
    /// password change) leaves the account to it: this sign-in still succeeds, and the next one tries again if needed.
    /// </summary>
    async Task RehashAsync(Stored<Account> stored, string password, CancellationToken cancellationToken)
    {
        stored.Document.PasswordHash = hasher.Hash(password);
        try
        {
            await (await store.AccountsAsync(cancellationToken)).ReplaceAsync(stored.Id, stored.Document, stored.Version,
                cancellationToken: cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
        }
    }
}
