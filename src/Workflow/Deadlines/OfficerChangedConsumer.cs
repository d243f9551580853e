using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Deadlines;

/// <summary>Keeps <see cref="OfficerDirectory"/> current; an older change arriving late does not overwrite a newer one.</summary>
public sealed class OfficerChangedConsumer(OfficerDirectory directory) : IConsumer<OfficerChanged>
{
    public async Task Consume(ConsumeContext<OfficerChanged> context)
    {
        var m = context.Message;
        var officers = await directory.CollectionAsync(context.CancellationToken);
        var entry = new OfficerEntry
        {
            OfficerId = m.OfficerId, Username = m.Username, FullName = m.FullName, Email = m.Email, Roles = [.. m.Roles], Sectors = [.. m.Sectors],
            Active = m.Active, ChangedAt = m.ChangedAt,
        };
        var stored = await officers.FindAsync(m.OfficerId.ToString(), context.CancellationToken);
        if (stored is null)
            await officers.InsertAsync(m.OfficerId.ToString(), entry, cancellationToken: context.CancellationToken);
        else if (stored.Document.ChangedAt <= m.ChangedAt)
            await officers.ReplaceAsync(stored.Id, entry, stored.Version, cancellationToken: context.CancellationToken);
        // A conflict (another replica wrote meanwhile) throws and the message is retried against the newer version.
    }
}
