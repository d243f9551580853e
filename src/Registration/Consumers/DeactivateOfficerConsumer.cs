using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

public sealed class DeactivateOfficerConsumer(AccountStore store, TimeProvider time) : IConsumer<DeactivateOfficer>
{
    public async Task Consume(ConsumeContext<DeactivateOfficer> context)
    {
        var (accounts, stored) = await OfficerChanges.FindAsync(store, context.Message.OfficerId, context);
        if (stored is null)
            return;
        var account = stored.Document;
        if (account.Username == context.Message.Administrator)
        {
            await context.Conflict("Administrator tidak dapat menonaktifkan akunnya sendiri.");
            return;
        }

        if (account.Status == AccountStatus.Deactivated)
        {
            await context.Conflict("Akun petugas ini sudah nonaktif.");
            return;
        }

        var now = time.GetUtcNow();
        account.Status = AccountStatus.Deactivated;
        account.DecidedAt = now;
        account.DecidedBy = context.Message.Administrator;
        await accounts.ReplaceAsync(stored.Id, account, stored.Version,
            [OfficerChanges.EndSessions(account, now), OfficerChanges.Changed(account, now)], context.CancellationToken);
        await context.Accepted(account.Id);
    }
}
