using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

public sealed class GetOfficersConsumer(AccountStore store) : IConsumer<GetOfficers>
{
    public async Task Consume(ConsumeContext<GetOfficers> context)
    {
        var accounts = await store.AccountsAsync(context.CancellationToken);
        var officers = await accounts.QueryAsync(Query.By("isOfficer", true), context.CancellationToken);
        await context.RespondAsync(new OfficerList(officers.Select(o => o.Document)
            .OrderBy(a => a.FullName, StringComparer.OrdinalIgnoreCase)
            .Select(OfficerChanges.Info).ToList()));
    }
}
