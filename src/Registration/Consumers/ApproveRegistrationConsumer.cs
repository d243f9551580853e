using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>
/// SOP step 2, approval: activates the account with a generated one-time password (stored only as a hash)
/// and, in the same write, queues the credential email (step 3) and <see cref="RegistrationApproved"/>.
/// </summary>
public sealed class ApproveRegistrationConsumer(AccountStore store, PasswordHasher hasher, TimeProvider time) : IConsumer<ApproveRegistration>
{
    public async Task Consume(ConsumeContext<ApproveRegistration> context)
    {
        var accounts = await store.AccountsAsync(context.CancellationToken);
        var stored = await accounts.FindAsync(context.Message.RegistrationId.ToString(), context.CancellationToken);
        if (await RegistrationChecks.RefuseUnlessPending(context, stored))
            return;

        var account = stored!.Document;
        var now = time.GetUtcNow();
        var password = PasswordHasher.GenerateOneTimePassword();
        account.Status = AccountStatus.Active;
        account.DecidedAt = now;
        account.DecidedBy = context.Message.Officer;
        account.PasswordHash = hasher.Hash(password);
        account.MustChangePassword = true;

        // The username comes from the name; a taken one gets a number (budi.santoso, budi.santoso2, ...).
        var baseName = Usernames.FromFullName(account.FullName);
        for (var attempt = 1; ; attempt++)
        {
            account.Username = attempt == 1 ? baseName : $"{baseName}{attempt}";
            try
            {
                await accounts.ReplaceAsync(stored.Id, account, stored.Version,
                [
                    OutboxMessage.Publish(new RegistrationApproved(account.Id, account.Username, context.Message.Officer, now), now),
                    MailOutboxHandler.Create(AccountEmails.Credentials(account, password), now),
                ], context.CancellationToken);
                break;
            }
            catch (DuplicateDocumentException e) when (e.Index == "usernameKey" && attempt < 1000)
            {
            }
        }

        await context.Accepted(account.Id);
    }
}

static class RegistrationChecks
{
    /// <summary>Answers 404 for an unknown registration and 409 for one already decided; true when it answered.</summary>
    public static async Task<bool> RefuseUnlessPending(ConsumeContext context, Stored<Account>? stored)
    {
        if (stored is null || stored.Document.Nik is null) // officer accounts are not registrations
        {
            await context.NotFound("Pendaftaran tidak ditemukan.");
            return true;
        }

        if (stored.Document.Status != AccountStatus.Pending)
        {
            await context.Conflict("Pendaftaran ini sudah diproses sebelumnya.");
            return true;
        }

        return false;
    }
}
