using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// Fires the alerts that are due (architecture.md, "Deadlines are durable"). Each saga stores its next alert
/// time; this watcher finds the due ones and, in one conditional write per saga (the version it read),
/// records the alert and queues its emails and events in the saga's own outbox. Two Workflow replicas race
/// for that write and only one wins, so nothing fires twice; a due time that passed while Workflow was down
/// fires when it comes back (only the highest rung reached — no stale warnings after a breach).
/// </summary>
public sealed class DeadlineWatcher(
    PermitSagas permits,
    RegistrationSagas registrations,
    Escalation escalation,
    OfficerDirectory officers,
    WorkingCalendar calendar,
    TimeProvider time,
    ILogger<DeadlineWatcher> logger) : BackgroundService
{
    const string System = "sistem";

    /// <summary>The words of the statutory deadline's warning, for officers (issue 10, point 6).</summary>
    public const string StatutoryWarning = "Batas waktu layanan terlampaui";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deadline sweep failed; trying again");
            }

            await Task.Delay(escalation.Options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass over everything due now. Returns how many alerts it fired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var fired = 0;

        var permitSagas = await permits.CollectionAsync(cancellationToken);
        var dueAlerts = await permitSagas.QueryAsync(Due("nextAlertAt", now), cancellationToken);
        var registrationSagas = await registrations.CollectionAsync(cancellationToken);
        var dueRegistrationAlerts = await registrationSagas.QueryAsync(Due("nextAlertAt", now), cancellationToken);
        var active = dueAlerts.Count + dueRegistrationAlerts.Count > 0 ? await officers.ActiveAsync(cancellationToken) : [];
        foreach (var stored in dueAlerts)
            fired += await TryWrite(permitSagas, stored, saga => FireStepAlert(saga, now, active), cancellationToken);
        foreach (var stored in await permitSagas.QueryAsync(Due("statutoryCheckAt", now), cancellationToken))
            fired += await TryWrite(permitSagas, stored, saga => FireStatutory(saga, now), cancellationToken);

        foreach (var stored in dueRegistrationAlerts)
            fired += await TryWrite(registrationSagas, stored, saga => FireStepAlert(saga, now, active), cancellationToken);
        return fired;
    }

    static Query Due(string field, DateTimeOffset now) => Query.All.And(field, Operator.LessThanOrEqual, now).Sort(field).Take(200);

    async Task<int> TryWrite<T>(IDocumentCollection<T> collection, Stored<T> stored, Func<T, List<OutboxMessage>> fire, CancellationToken cancellationToken)
        where T : class
    {
        var outbox = fire(stored.Document);
        if (outbox.Count == 0)
            return 0;
        try
        {
            await collection.ReplaceAsync(stored.Id, stored.Document, stored.Version, outbox, cancellationToken);
            return 1;
        }
        catch (ConcurrencyConflictException)
        {
            // Another replica fired it, or the case moved on meanwhile: the next sweep sees the current state.
            return 0;
        }
    }

    List<OutboxMessage> FireStepAlert(IDeadline saga, DateTimeOffset now, IReadOnlyList<OfficerEntry> active)
    {
        var outbox = new List<OutboxMessage>();
        if (saga.NextAlert is null || saga.NextAlertAt > now || saga.CurrentStep is not { } step || saga.AssignedRole is not { } role)
            return outbox;

        // Skip rungs that a later due rung supersedes.
        var level = saga.NextAlert.Value;
        escalation.Advance(saga);
        while (saga.NextAlert is { } next && saga.NextAlertAt <= now)
        {
            level = next;
            escalation.Advance(saga);
        }

        var subject = saga is PermitState permit ? $"permohonan {permit.BusinessName} ({permit.CorrelationId})" : $"pendaftaran akun {saga.CorrelationId}";
        var due = calendar.ToAgencyTime(saga.DueAt ?? now);
        if (level == AlertLevel.Breach)
        {
            var supervisor = EscalationOptions.Supervisors[role];
            var recipients = OfficerDirectory.Recipients(active, supervisor, saga, escalation.Options, RoleName(supervisor));
            saga.Alerts.Add(new AlertRecord(step, level, string.Join(", ", recipients.Select(r => r.Email)), now));
            foreach (var (to, name) in recipients)
                outbox.Add(MailOutboxHandler.Create(new MailMessage(to, name,
                    $"Batas waktu terlewati: langkah {step} {subject}",
                    $"""
                    Langkah {step} ({RoleName(role)}) untuk {subject} melewati batas waktu layanan pada {PdfDocumentBuilder.IndonesianDateTime(due)}
                    dan belum ditindaklanjuti. Mohon segera ditindaklanjuti sesuai SOP.
    
                    Pesan ini dikirim otomatis oleh aplikasi perizinan.
                    """), now));
            switch (saga)
            {
                case PermitState p:
                    p.History.Add(new PermitHistoryEntry(step, $"Melewati batas waktu layanan langkah {step}", System, "System", now,
                        $"Atasan ({RoleName(supervisor)}) telah diberi tahu.", Overdue: true));
                    outbox.Add(OutboxMessage.Publish(new PermitStepOverdue(p.CorrelationId, step, role, supervisor, saga.DueAt ?? now, now), now));
                    break;
                case RegistrationState r:
                    r.Overdue = true;
                    outbox.Add(OutboxMessage.Publish(new RegistrationApprovalOverdue(r.CorrelationId, r.DueAt, now), now));
                    break;
            }

            logger.LogWarning("Step {Step} of {Id} is overdue; {Supervisor} alerted", step, saga.CorrelationId, supervisor);
        }
        else
        {
            var recipients = OfficerDirectory.Recipients(active, role, saga, escalation.Options, RoleName(role));
            var share = level == AlertLevel.FirstWarning ? escalation.Options.FirstWarning : escalation.Options.SecondWarning;
            saga.Alerts.Add(new AlertRecord(step, level, string.Join(", ", recipients.Select(r => r.Email)), now));
            foreach (var (to, name) in recipients)
                outbox.Add(MailOutboxHandler.Create(new MailMessage(to, name,
                    $"Peringatan waktu layanan: langkah {step} {subject}",
                    $"""
                    {share:P0} waktu layanan langkah {step} untuk {subject} telah terpakai.
                    Batas waktu: {PdfDocumentBuilder.IndonesianDateTime(due)}.
    
                    Pesan ini dikirim otomatis oleh aplikasi perizinan.
                    """), now));
        }

        return outbox;
    }

    List<OutboxMessage> FireStatutory(PermitState saga, DateTimeOffset now)
    {
        if (saga.StatutoryCheckAt is not { } due || due > now)
            return [];
        saga.StatutoryCheckAt = null;
        saga.StatutoryDeadlinePassed = true;
        // The officers' warning, never the applicant's news: whether the permit counts as granted is for a decision to say.
        saga.History.Add(new PermitHistoryEntry(saga.CurrentStep ?? 10, StatutoryWarning, System, "System", now,
            "Batas waktu layanan menurut peraturan untuk jenis izin ini telah lewat tanpa keputusan. Segera putuskan.", Overdue: true,
            OfficersOnly: true));
        var head = escalation.Options.Recipients[Roles.AgencyHead];
        return
        [
            OutboxMessage.Publish(new PermitStatutoryDeadlinePassed(saga.CorrelationId, saga.PermitTypeCode, saga.StatutoryDueAt!.Value, now), now),
            MailOutboxHandler.Create(new MailMessage(head, "Kepala DPMPTSP",
                $"Batas waktu layanan terlampaui: permohonan {saga.BusinessName}",
                $"""
                Batas waktu layanan terlampaui. Permohonan {saga.CorrelationId} ({saga.PermitTypeName}, {saga.BusinessName}) belum diputus
                hingga batas waktu layanan menurut peraturan pada {PdfDocumentBuilder.IndonesianDateTime(calendar.ToAgencyTime(saga.StatutoryDueAt!.Value))}.
                Mohon segera diputus (UU 30/2014 pasal 53 sebagaimana diubah).

                Pesan ini dikirim otomatis oleh aplikasi perizinan.
                """), now),
        ];
    }

    static string RoleName(string role) => role switch
    {
        Roles.FrontOffice => "Front Office",
        Roles.BackOffice => "Back Office",
        Roles.TechnicalTeam => "Tim Teknis",
        Roles.SectionHead => "Kepala Seksi",
        Roles.DivisionHead => "Kepala Bidang",
        Roles.AgencyHead => "Kepala DPMPTSP",
        _ => role,
    };
}
