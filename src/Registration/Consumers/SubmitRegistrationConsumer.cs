using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>SOP step 1: validates and stores an account request; publishes <see cref="RegistrationSubmitted"/> with it.</summary>
public sealed class SubmitRegistrationConsumer(AccountStore store, TimeProvider time) : IConsumer<SubmitRegistration>
{
    public async Task Consume(ConsumeContext<SubmitRegistration> context)
    {
        var request = context.Message;
        var errors = RegistrationValidator.Validate(request);
        if (errors.Count > 0)
        {
            await context.Invalid("Data pendaftaran tidak valid.", errors);
            return;
        }

        var now = time.GetUtcNow();
        var account = new Account
        {
            Id = request.RegistrationId,
            Status = AccountStatus.Pending,
            FullName = request.FullName.Trim(),
            Nik = request.Nik,
            Email = request.Email,
            Phone = RegistrationValidator.NormalizePhone(request.Phone),
            Address = request.Address.Trim(),
            Npwp = RegistrationValidator.NormalizeNpwp(request.Npwp),
            SubmittedAt = now,
            Roles = [Roles.Applicant],
        };

        var accounts = await store.AccountsAsync(context.CancellationToken);
        try
        {
            await accounts.InsertAsync(account.Id.ToString(), account,
            [
                OutboxMessage.Publish(new RegistrationSubmitted(account.Id, account.FullName, account.Nik!, account.Email!, now), now),
                MailOutboxHandler.Create(AccountEmails.Received(account), now),
            ], context.CancellationToken);
        }
        catch (DuplicateDocumentException e) when (e.Index == "id")
        {
            // A redelivered request: the first one was stored.
        }
        catch (DuplicateDocumentException e)
        {
            var message = e.Index == "nikClaim"
                ? "NIK ini sudah terdaftar atau sedang menunggu persetujuan."
                : "Email ini sudah terdaftar atau sedang menunggu persetujuan.";
            await context.RespondAsync(new CommandRefused(RefusalKind.Conflict, message,
                new Dictionary<string, string[]> { [e.Index == "nikClaim" ? "nik" : "email"] = [message] }));
            return;
        }

        await context.Accepted(account.Id);
    }
}
