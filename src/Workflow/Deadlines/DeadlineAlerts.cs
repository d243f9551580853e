using System.Security.Cryptography;
using System.Text;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// What a saga does when a <see cref="StepDeadlineReached"/> arrives (ADR 0004): the state machines call it in their own
/// write. It decides whether the message is current (the step visit's token, the rung the saga waits for, due by then),
/// records the alert, moves the ladder on and queues the emails in the saga's outbox; the machine adds what is its own
/// (the history line, the overdue flag, the public event).
/// </summary>
public sealed class DeadlineAlerts(Escalation escalation, OfficerDirectory officers, WorkingCalendar calendar, ILogger<DeadlineAlerts> logger)
{
    /// <summary>Who the history names for what the clock did.</summary>
    public const string Actor = "sistem";

    /// <summary>The role the history records for what the clock did: no person's, never shown to the applicant.</summary>
    public const string ActorRole = "System";

    /// <summary>The words of the statutory deadline's warning, for officers (issue 10, point 6).</summary>
    public const string StatutoryWarning = "Batas waktu layanan terlampaui";

    public EscalationOptions Options => escalation.Options;

    /// <summary>The token a step rung is sent with: the step visit's (<see cref="Guid.Empty"/> for sagas stored before tokens).</summary>
    public static Guid StepToken(IDeadline saga) => saga.DeadlineToken ?? Guid.Empty;

    /// <summary>The token of the statutory deadline: the instance and the due time it is armed for (a recount moves it).</summary>
    public static Guid StatutoryToken(PermitState saga) =>
        saga.StatutoryCheckAt is { } due ? NameBased($"{saga.CorrelationId:N}/statutory/{due.UtcTicks}") : Guid.Empty;

    /// <summary>The message's id: the same instance, token and rung give the same id, whichever watcher sends it and how often.</summary>
    public static Guid MessageId(StepDeadlineReached message) =>
        NameBased($"{message.CorrelationId:N}/{message.Token:N}/{message.Rung}");

    /// <summary>True when the message is for the rung this saga waits for now, in this step visit, and it is due.</summary>
    public static bool IsCurrentStepRung(IDeadline saga, StepDeadlineReached message) =>
        message.Rung != DeadlineRung.Statutory
        && message.Token == StepToken(saga)
        && saga.NextAlert is { } next && (int)next == (int)message.Rung
        && saga.NextAlertAt <= message.ReachedAt
        && saga.CurrentStep is not null && saga.AssignedRole is not null;

    /// <summary>True when the statutory deadline is still watched, is due, and the message was armed for that due time.</summary>
    public static bool IsCurrentStatutory(PermitState saga, StepDeadlineReached message) =>
        message.Rung == DeadlineRung.Statutory
        && saga.StatutoryCheckAt is { } due && due <= message.ReachedAt
        && message.Token == StatutoryToken(saga);

    /// <summary>
    /// Fires the rung the saga waits for, or the highest one also due by then (no stale warnings after a breach): records the
    /// alert, arms the next rung and queues the emails. Returns the level that fired and, for a breach, the supervisor told.
    /// </summary>
    public async Task<(AlertLevel Level, string? Supervisor)> FireStepAsync(IDeadline saga, ISagaOutbox outbox, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var step = saga.CurrentStep!.Value;
        var role = saga.AssignedRole!;
        var level = saga.NextAlert!.Value;
        escalation.Advance(saga);
        while (saga.NextAlert is { } next && saga.NextAlertAt <= now)
        {
            level = next;
            escalation.Advance(saga);
        }

        var active = await officers.ActiveAsync(cancellationToken);
        var subject = saga is PermitState permit ? $"permohonan {permit.BusinessName} ({permit.CorrelationId})" : $"pendaftaran akun {saga.CorrelationId}";
        var due = calendar.ToAgencyTime(saga.DueAt ?? now);
        if (level == AlertLevel.Breach)
        {
            var supervisor = EscalationOptions.Supervisors[role];
            var recipients = OfficerDirectory.Recipients(active, supervisor, saga, escalation.Options, Roles.Title(supervisor));
            saga.Alerts.Add(new AlertRecord(step, level, string.Join(", ", recipients.Select(r => r.Email)), now));
            foreach (var (to, name) in recipients)
                outbox.Outgoing.Add(MailOutboxHandler.Create(new MailMessage(to, name,
                    $"Batas waktu terlewati: langkah {step} {subject}",
                    $"""
                    Langkah {step} ({Roles.Title(role)}) untuk {subject} melewati batas waktu layanan pada {PdfDocumentBuilder.IndonesianDateTime(due)}
                    dan belum ditindaklanjuti. Mohon segera ditindaklanjuti sesuai SOP.
    
                    Pesan ini dikirim otomatis oleh aplikasi perizinan.
                    """), now));
            logger.LogWarning("Step {Step} of {Id} is overdue; {Supervisor} alerted", step, saga.CorrelationId, supervisor);
            return (level, supervisor);
        }

        var warned = OfficerDirectory.Recipients(active, role, saga, escalation.Options, Roles.Title(role));
        var share = level == AlertLevel.FirstWarning ? escalation.Options.FirstWarning : escalation.Options.SecondWarning;
        saga.Alerts.Add(new AlertRecord(step, level, string.Join(", ", warned.Select(r => r.Email)), now));
        foreach (var (to, name) in warned)
            outbox.Outgoing.Add(MailOutboxHandler.Create(new MailMessage(to, name,
                $"Peringatan waktu layanan: langkah {step} {subject}",
                $"""
                {share:P0} waktu layanan langkah {step} untuk {subject} telah terpakai.
                Batas waktu: {PdfDocumentBuilder.IndonesianDateTime(due)}.

                Pesan ini dikirim otomatis oleh aplikasi perizinan.
                """), now));
        return (level, null);
    }

    /// <summary>The agency head's email about a permit not decided within its statutory time.</summary>
    public OutboxMessage StatutoryMail(PermitState saga, DateTimeOffset now) =>
        MailOutboxHandler.Create(new MailMessage(escalation.Options.Recipient(Roles.AgencyHead), "Kepala DPMPTSP",
            $"Batas waktu layanan terlampaui: permohonan {saga.BusinessName}",
            $"""
            Batas waktu layanan terlampaui. Permohonan {saga.CorrelationId} ({saga.PermitTypeName}, {saga.BusinessName}) belum diputus
            hingga batas waktu layanan menurut peraturan pada {PdfDocumentBuilder.IndonesianDateTime(calendar.ToAgencyTime(saga.StatutoryDueAt!.Value))}.
            Mohon segera diputus (UU 30/2014 pasal 53 sebagaimana diubah).

            Pesan ini dikirim otomatis oleh aplikasi perizinan.
            """), now);

    /// <summary>A name-based id (RFC 4122 version 5 layout over SHA-1): the same name, the same id.</summary>
    internal static Guid NameBased(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("ptsp-deadline:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
