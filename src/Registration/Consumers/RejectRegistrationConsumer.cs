using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>SOP step 2, refusal: records the reason, frees the NIK and email for a new registration, emails the applicant.</summary>
public sealed class RejectRegistrationConsumer(AccountStore store, TimeProvider time) : IConsumer<RejectRegistration>
{
    public async Task Consume(ConsumeContext<RejectRegistration> context)
    {
        var reason = context.Message.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            await context.Invalid("reason", "Alasan penolakan wajib diisi (paling banyak 1000 karakter).");
            return;
        }

        var accounts = await store.AccountsAsync(context.CancellationToken);
        var stored = await accounts.FindAsync(context.Message.RegistrationId.ToString(), context.CancellationToken);
        if (await RegistrationChecks.RefuseUnlessPending(context, stored))
            return;

        var account = stored!.Document;
        var now = time.GetUtcNow();
        account.Status = AccountStatus.Rejected;
        account.DecidedAt = now;
        account.DecidedBy = context.Message.Officer;
        account.RejectionReason = reason;
        await accounts.ReplaceAsync(stored.Id, account, stored.Version,
        [
            OutboxMessage.Publish(new RegistrationRejected(account.Id, reason, context.Message.Officer, now), now),
            MailOutboxHandler.Create(AccountEmails.Rejected(account), now),
        ], context.CancellationToken);
        await context.Accepted(account.Id);
    }
}
