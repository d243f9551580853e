using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

public sealed class ReactivateOfficerConsumer(AccountStore store, TimeProvider time) : IConsumer<ReactivateOfficer>
{
    public async Task Consume(ConsumeContext<ReactivateOfficer> context)
    {
        var (accounts, stored) = await OfficerChanges.FindAsync(store, context.Message.OfficerId, context);
        if (stored is null)
            return;
        var account = stored.Document;
        if (account.Status == AccountStatus.Active)
        {
            await context.Conflict("Akun petugas ini sudah aktif.");
            return;
        }

        var now = time.GetUtcNow();
        account.Status = AccountStatus.Active;
        account.DecidedAt = now;
        account.DecidedBy = context.Message.Administrator;
        await accounts.ReplaceAsync(stored.Id, account, stored.Version, [OfficerChanges.Changed(account, now)], context.CancellationToken);
        await context.Accepted(account.Id);
    }
}
