using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>A starting Gateway learns every account's current security stamp (ADR 0010).</summary>
public sealed class GetSessionStampsConsumer(AccountStore store) : IConsumer<GetSessionStamps>
{
    public async Task Consume(ConsumeContext<GetSessionStamps> context)
    {
        var accounts = await store.AccountsAsync(context.CancellationToken);
        var stamped = await accounts.QueryAsync(Query.All.And("securityStamp", Operator.NotEqual, null), context.CancellationToken);
        await context.RespondAsync(new SessionStampList(stamped
            .Select(s => new SessionsEnded(s.Document.Username!, s.Document.SecurityStamp!, s.Document.SecurityStampChangedAt!.Value))
            .ToList()));
    }
}
