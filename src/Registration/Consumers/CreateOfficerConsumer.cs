using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Consumers;

/// <summary>
/// The administrator's officer accounts (issue 10): create with an emailed one-time password, change, deactivate (ends
/// every session), reactivate, reset the password. Each change and its events and email are one write (ADR 0001).
/// </summary>
public sealed class CreateOfficerConsumer(AccountStore store, PasswordHasher hasher, OfficerEmails emails, TimeProvider time) : IConsumer<CreateOfficer>
{
    public async Task Consume(ConsumeContext<CreateOfficer> context)
    {
        var m = context.Message;
        var input = new OfficerValidator.Input(m.Username?.Trim(), m.FullName, m.Nip?.Trim(), m.Email?.Trim(), m.Position, m.Roles, m.Sectors,
            m.ActingAppointments);
        var errors = OfficerValidator.Validate(input, creating: true);
        if (errors.Count > 0)
        {
            await context.Invalid("Data petugas tidak valid.", errors);
            return;
        }

        var now = time.GetUtcNow();
        var password = PasswordHasher.GenerateOneTimePassword();
        var account = new Account
        {
            Id = m.OfficerId,
            Status = AccountStatus.Active,
            IsOfficer = true,
            SubmittedAt = now,
            DecidedAt = now,
            DecidedBy = m.Administrator,
            Username = input.Username,
            PasswordHash = hasher.Hash(password),
            MustChangePassword = true,
        };
        OfficerChanges.Apply(account, input);

        var accounts = await store.AccountsAsync(context.CancellationToken);
        try
        {
            await accounts.InsertAsync(account.Id.ToString(), account,
            [
                OfficerChanges.Changed(account, now),
                MailOutboxHandler.Create(emails.Credentials(account, password, reset: false), now),
            ], context.CancellationToken);
        }
        catch (DuplicateDocumentException e) when (e.Index == "id")
        {
            // A redelivered request: the first one was stored (and its email queued).
        }
        catch (DuplicateDocumentException e)
        {
            await context.RespondAsync(OfficerChanges.Duplicate(e));
            return;
        }

        await context.Accepted(account.Id);
    }
}

static class OfficerChanges
{
    public static void Apply(Account account, OfficerValidator.Input input)
    {
        account.FullName = input.FullName!.Trim();
        account.Nip = string.IsNullOrWhiteSpace(input.Nip) ? null : input.Nip;
        account.Email = input.Email;
        account.Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim();
        account.Roles = input.Roles!.Distinct().ToList();
        account.Sectors = (input.Sectors ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        account.ActingAppointments = (input.ActingAppointments ?? []).ToList();
    }

    /// <summary>What a token carries about access; a change of it ends older sessions.</summary>
    public static string AccessKey(Account account) =>
        string.Join('|', account.Roles.Order(StringComparer.Ordinal)) + "#" + string.Join('|', account.Sectors) + "#" +
        string.Join('|', account.ActingAppointments.Select(a => $"{a.Role}/{a.Kind}/{a.From:O}/{a.Until:O}"));

    /// <summary>A new security stamp: every token issued before carries another and is refused by the Gateway from now on.</summary>
    public static OutboxMessage EndSessions(Account account, DateTimeOffset now)
    {
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.SecurityStampChangedAt = now;
        return OutboxMessage.Publish(new SessionsEnded(account.Username!, account.SecurityStamp, now), now);
    }

    public static OutboxMessage Changed(Account account, DateTimeOffset now) =>
        OutboxMessage.Publish(new OfficerChanged(account.Id, account.Username!, account.FullName, account.Email, account.Roles, account.Sectors,
            account.Status == AccountStatus.Active, now), now);

    public static OfficerInfo Info(Account a) => new(a.Id, a.Username!, a.FullName, a.Nip, a.Email, a.Position, a.Roles, a.Sectors,
        a.ActingAppointments, a.Status == AccountStatus.Active, a.MustChangePassword);

    public static CommandRefused Duplicate(DuplicateDocumentException e)
    {
        var (field, message) = e.Index == "usernameKey"
            ? ("username", "Username ini sudah dipakai.")
            : ("email", "Email ini sudah dipakai akun lain.");
        return new CommandRefused(RefusalKind.Conflict, message, new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>The officer's account, or null after answering 404 (unknown, or not an officer: applicants are not managed here).</summary>
    public static async Task<(IDocumentCollection<Account> Accounts, Stored<Account>? Stored)> FindAsync(AccountStore store, Guid id, ConsumeContext context)
    {
        var accounts = await store.AccountsAsync(context.CancellationToken);
        var stored = await accounts.FindAsync(id.ToString(), context.CancellationToken);
        if (stored is not { Document.IsOfficer: true })
        {
            await context.NotFound("Petugas tidak ditemukan.");
            return (accounts, null);
        }

        return (accounts, stored);
    }
}
