using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

public sealed class UpdateOfficerConsumer(AccountStore store, TimeProvider time) : IConsumer<UpdateOfficer>
{
    public async Task Consume(ConsumeContext<UpdateOfficer> context)
    {
        var m = context.Message;
        var input = new OfficerValidator.Input(null, m.FullName, m.Nip?.Trim(), m.Email?.Trim(), m.Position, m.Roles, m.Sectors, m.ActingAppointments);
        var errors = OfficerValidator.Validate(input, creating: false);
        if (errors.Count > 0)
        {
            await context.Invalid("Data petugas tidak valid.", errors);
            return;
        }

        var (accounts, stored) = await OfficerChanges.FindAsync(store, m.OfficerId, context);
        if (stored is null)
            return;

        var account = stored.Document;
        var now = time.GetUtcNow();
        var accessBefore = OfficerChanges.AccessKey(account);
        OfficerChanges.Apply(account, input);
        // A token carries roles and sectors: when they change, older tokens must not keep the old ones.
        List<OutboxMessage> outbox = [OfficerChanges.Changed(account, now)];
        if (OfficerChanges.AccessKey(account) != accessBefore)
            outbox.Add(OfficerChanges.EndSessions(account, now));
        try
        {
            await accounts.ReplaceAsync(stored.Id, account, stored.Version, outbox, context.CancellationToken);
        }
        catch (DuplicateDocumentException e)
        {
            await context.RespondAsync(OfficerChanges.Duplicate(e));
            return;
        }

        await context.Accepted(account.Id);
    }
}
