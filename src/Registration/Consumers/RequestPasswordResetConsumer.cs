using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>
/// "Lupa kata sandi" (issue 10, point 5a). The answer comes before the address is looked up, so neither its content nor
/// its timing says whether the address belongs to an account. For an active account a single-use token valid for
/// <see cref="Lifetime"/> is emailed; only its SHA-256 is stored, and a new request replaces an older token.
/// </summary>
public sealed class RequestPasswordResetConsumer(AccountStore store, OfficerEmails emails, WorkingCalendar calendar, TimeProvider time)
    : IConsumer<RequestPasswordReset>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public async Task Consume(ConsumeContext<RequestPasswordReset> context)
    {
        var email = context.Message.Email?.Trim() ?? "";
        if (!RegistrationValidator.IsEmail(email))
        {
            await context.Invalid("email", "Format email tidak valid, mis. nama@contoh.co.id.");
            return;
        }

        await context.Accepted(Guid.Empty);

        var accounts = await store.AccountsAsync(context.CancellationToken);
        var found = await accounts.QueryAsync(Query.By("emailClaim", email.ToLowerInvariant()).Take(1), context.CancellationToken);
        if (found is not [{ Document: { Status: AccountStatus.Active, Username: not null } account } stored])
            return;

        var now = time.GetUtcNow();
        var token = NewToken();
        account.PasswordResetTokenHash = Hash(token);
        account.PasswordResetExpiresAt = now + Lifetime;
        await accounts.ReplaceAsync(stored.Id, account, stored.Version,
            [MailOutboxHandler.Create(emails.ResetLink(account, token, calendar.ToAgencyTime(now + Lifetime)), now)], context.CancellationToken);
    }

    /// <summary>32 random bytes, base64url: unguessable, and safe in a link.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
