using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Calendar;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Permits;

/// <summary>
/// The permit SOP, steps 3–10, as sop.md lists them: each state is a step with the role that acts and
/// its target in working time; the return loops are where the SOP has them (completeness → applicant;
/// section head, division head and agency head → drafting). Officers act on the owning services; this
/// machine follows their events, keeps the history, and commands the next service (via its outbox).
/// </summary>
public sealed class PermitStateMachine : MassTransitStateMachine<PermitState>
{
    readonly WorkingCalendar _calendar;
    readonly ServiceLevels _levels;
    readonly Escalation _escalation;
    readonly DeadlineAlerts _alerts;
    readonly TimeProvider _time;

    public PermitStateMachine(WorkingCalendar calendar, ServiceLevels levels, Escalation escalation, DeadlineAlerts alerts, DueTimeRecount recount,
        TimeProvider time)
    {
        _time = time;
        _alerts = alerts;
        _calendar = calendar;
        _levels = levels;
        _escalation = escalation;
        InstanceState(x => x.CurrentState);

        Event(() => ApplicationCreated, x => x.CorrelateById(m => m.Message.ApplicationId));
        // A withdrawal is a request the saga answers itself: only Workflow knows whether a decision was signed.
        Event(() => WithdrawApplication, x =>
        {
            x.CorrelateById(m => m.Message.ApplicationId);
            x.OnMissingInstance(m => m.ExecuteAsync(c => c.RespondAsync(new CommandRefused(RefusalKind.NotFound, "Permohonan tidak ditemukan."))));
        });
        CorrelateAll();

        // A late or repeated event for a step already passed changes nothing (exact repeats are skipped by the saga inbox).
        OnUnhandledEvent(x => x.Ignore());

        // Every move is announced once, with the state it is stored with: the push channel and outside systems follow it.
        WhenEnterAny(x => x.If(c => c.Saga.CurrentState != Initial.Name, then => then.Then(c => Announce(c.Saga))));

        // Step 3: the applicant prepares the file.
        Initially(
            When(ApplicationCreated)
                .Then(x =>
                {
                    x.Saga.ApplicantUsername = x.Message.ApplicantUsername;
                    x.Saga.ApplicantName = x.Message.ApplicantName;
                    x.Saga.ApplicantEmail = x.Message.ApplicantEmail;
                    x.Saga.PermitTypeCode = x.Message.PermitTypeCode;
                    x.Saga.Sector = x.Message.Sector;
                    x.Saga.PermitTypeName = x.Message.PermitTypeName;
                    x.Saga.BusinessName = x.Message.BusinessName;
                    x.Saga.CreatedAt = x.Message.CreatedAt;
                    Record(x.Saga, 3, "Permohonan dibuat", x.Message.ApplicantUsername, Roles.Applicant, x.Message.CreatedAt);
                    Enter(x.Saga, 3, Roles.Applicant, x.Message.CreatedAt, null);
                })
                .TransitionTo(Draft));

        // Step 3 → 4: submitted; FrontOffice checks completeness within the target.
        During(Draft, ReturnedToApplicant,
            When(ApplicationSubmitted)
                .Then(x =>
                {
                    Record(x.Saga, 3, x.Message.Round == 1 ? "Permohonan diajukan" : "Permohonan diajukan kembali", x.Message.ApplicantUsername,
                        Roles.Applicant, x.Message.SubmittedAt);
                    if (x.Saga.Pauses.Count > 0 && x.Saga.Pauses[^1].To is null)
                        x.Saga.Pauses[^1] = x.Saga.Pauses[^1] with { To = x.Message.SubmittedAt };
                    Enter(x.Saga, 4, Roles.FrontOffice, x.Message.SubmittedAt, _levels[ServiceLevels.CompletenessCheck]);
                })
                .TransitionTo(AwaitingCompletenessCheck));

        // Step 4: incomplete → back to the applicant (the agency's clock stops); complete → receipt, back office.
        During(AwaitingCompletenessCheck,
            When(ApplicationReturned)
                .Then(x =>
                {
                    Record(x.Saga, 4, "Berkas tidak lengkap, dikembalikan kepada pemohon", x.Message.Officer, Roles.FrontOffice, x.Message.ReturnedAt,
                        $"{x.Message.Note} (kurang: {string.Join(", ", x.Message.MissingRequirements)})");
                    x.Saga.Pauses.Add(new ClockPauseInfo(x.Message.ReturnedAt, null, x.Message.Note, x.Message.Officer));
                    Enter(x.Saga, 3, Roles.Applicant, x.Message.ReturnedAt, null);
                })
                .TransitionTo(ReturnedToApplicant),
            When(ApplicationAccepted)
                .Then(x =>
                {
                    x.Saga.ReceiptNumber = x.Message.ReceiptNumber;
                    x.Saga.TechnicalReview = x.Message.TechnicalReview;
                    if (x.Message.StatutoryWorkingDays is { } statutory)
                    {
                        x.Saga.StatutoryWorkingDays = statutory;
                        x.Saga.StatutoryFrom = x.Message.AcceptedAt;
                        x.Saga.StatutoryDueAt = x.Saga.StatutoryCheckAt = _calendar.AddWorkingDays(x.Message.AcceptedAt, statutory);
                    }
                    Record(x.Saga, 4, $"Berkas lengkap, tanda terima {x.Message.ReceiptNumber} diterbitkan", x.Message.Officer, Roles.FrontOffice,
                        x.Message.AcceptedAt);
                    x.Saga.Send(Queues.Address(Queues.OpenTechnicalReview),
                        new OpenTechnicalReview(x.Saga.CorrelationId, x.Saga.PermitTypeCode, x.Saga.BusinessName, x.Message.TechnicalReview,
                            x.Saga.ApplicantName, x.Saga.ApplicantEmail, x.Saga.PermitTypeName, x.Message.ReceiptNumber),
                        x.Message.AcceptedAt);
                    Enter(x.Saga, 4, null, x.Message.AcceptedAt, null);
                })
                .TransitionTo(OpeningTechnicalReview));

        // Step 4 → 5: back office's clock runs from the acceptance, but the step is shown only once Technical holds
        // the file, so an officer's action never reaches Technical before it can take it.
        During(OpeningTechnicalReview,
            When(TechnicalReviewOpened)
                .Then(x => Enter(x.Saga, 5, Roles.BackOffice, x.Saga.StepStartedAt!.Value, _levels[ServiceLevels.TechnicalData]))
                .TransitionTo(AwaitingTechnicalData));

        // Step 5: back office enters technical data and schedules; step 6 has the permit type's NSPK time.
        During(AwaitingTechnicalData,
            When(TechnicalReviewScheduled)
                .Then(x =>
                {
                    var schedule = Schedule(x.Message);
                    Record(x.Saga, 5, "Data teknis dimasukkan dan kajian teknis dijadwalkan", x.Message.Officer, Roles.BackOffice, x.Message.RecordedAt,
                        schedule, "Kajian teknis dijadwalkan", schedule);
                    var days = x.Saga.TechnicalReview?.WorkingDays ?? 1;
                    Enter(x.Saga, 6, Roles.TechnicalTeam, x.Message.RecordedAt, SlaTarget.Days(days));
                })
                .TransitionTo(InTechnicalReview));

        // Step 6: the technical team reports (BAP) and recommends; drafting follows.
        During(InTechnicalReview,
            When(InspectionReportUploaded)
                .Then(x => Record(x.Saga, 6, "Berita acara pemeriksaan (BAP) diunggah", x.Message.Officer, Roles.TechnicalTeam, x.Message.UploadedAt,
                    publicAction: "Peninjauan lapangan dilaksanakan")),
            // The meeting or inspection moved (inside the NSPK window, which does not move): the history says when, where and why.
            When(TechnicalReviewRescheduled)
                .Then(x =>
                {
                    var session = $"{ReviewName(x.Message.Session)} pada {Time(x.Message.ScheduledAt)} di {x.Message.Location}";
                    Record(x.Saga, 6, $"Jadwal {ReviewName(x.Message.Session).ToLowerInvariant()} diubah", x.Message.Officer, x.Message.Role,
                        x.Message.RescheduledAt, $"{session}. Alasan: {x.Message.Reason}", "Jadwal kajian teknis diubah", session);
                }),
            When(TechnicalRecommendationIssued)
                .Then(x =>
                {
                    x.Saga.Recommendation = x.Message.Recommendation;
                    Record(x.Saga, 6, x.Message.Recommendation == Recommendation.Approve ? "Rekomendasi teknis: disetujui" : "Rekomendasi teknis: ditolak",
                        x.Message.Officer, Roles.TechnicalTeam, x.Message.IssuedAt, x.Message.Notes, "Kajian teknis selesai");
                    x.Saga.Send(Queues.Address(Queues.OpenDrafting),
                        new OpenDrafting(x.Saga.CorrelationId, x.Saga.ApplicantUsername, x.Saga.ApplicantName, x.Saga.BusinessName, x.Saga.PermitTypeCode,
                            x.Saga.PermitTypeName, x.Message.Recommendation, x.Saga.ApplicantEmail, x.Saga.ReceiptNumber, x.Message.Notes, x.Saga.Sector),
                        x.Message.IssuedAt);
                    Enter(x.Saga, 6, null, x.Message.IssuedAt, null);
                })
                .TransitionTo(OpeningDrafting));

        // The BAP's event and the recommendation's come from Technical one after the other, but two Workflow replicas may take
        // them in either order: a BAP that arrives after the recommendation still belongs in the history, at its own time.
        During([OpeningDrafting, InDrafting, SectionHeadVerification, DivisionHeadVerification, AwaitingSignature, Issued, Rejected, Revoked, Withdrawn],
            When(InspectionReportUploaded)
                .Then(x => RecordAtItsTime(x.Saga, new HistoryEntry(6, "Berita acara pemeriksaan (BAP) diunggah", x.Message.Officer,
                    Roles.TechnicalTeam, x.Message.UploadedAt, null, false, "Peninjauan lapangan dilaksanakan"))));

        // Step 6 → 7: as for step 5, drafting is shown once Signing holds the decision.
        During(OpeningDrafting,
            When(DraftingOpened)
                .Then(x => Enter(x.Saga, 7, Roles.BackOffice, x.Saga.StepStartedAt!.Value, _levels[ServiceLevels.Drafting]))
                .TransitionTo(InDrafting));

        // Step 7: back office drafts the permit or the rejection letter.
        During(InDrafting,
            When(DecisionDrafted)
                .Then(x =>
                {
                    x.Saga.Revision = x.Message.Revision;
                    x.Saga.DecisionKind = x.Message.Kind;
                    Record(x.Saga, 7, $"{(x.Message.Kind == DecisionKind.Permit ? "Draf izin" : "Draf surat penolakan")} disusun (revisi {x.Message.Revision})",
                        x.Message.Officer, Roles.BackOffice, x.Message.DraftedAt, publicAction: "Draf keputusan disusun");
                    Enter(x.Saga, 8, Roles.SectionHead, x.Message.DraftedAt, _levels[ServiceLevels.SectionHeadVerification]);
                })
                .TransitionTo(SectionHeadVerification));

        // Step 8: the section head validates, or returns to drafting.
        During(SectionHeadVerification,
            When(DecisionVerified, x => x.Message.Role == Roles.SectionHead && x.Message.Revision == x.Saga.Revision)
                .Then(x =>
                {
                    Record(x.Saga, 8, "Draf diverifikasi Kepala Seksi", x.Message.Officer, Roles.SectionHead, x.Message.VerifiedAt,
                        publicAction: "Draf keputusan diverifikasi Kepala Seksi");
                    Enter(x.Saga, 9, Roles.DivisionHead, x.Message.VerifiedAt, _levels[ServiceLevels.DivisionHeadVerification]);
                })
                .TransitionTo(DivisionHeadVerification),
            When(DecisionReturned, x => x.Message.Role == Roles.SectionHead && x.Message.Revision == x.Saga.Revision)
                .Then(x => BackToDrafting(x.Saga, 8, x.Message))
                .TransitionTo(InDrafting));

        // Step 9: the division head validates, or returns to drafting.
        During(DivisionHeadVerification,
            When(DecisionVerified, x => x.Message.Role == Roles.DivisionHead && x.Message.Revision == x.Saga.Revision)
                .Then(x =>
                {
                    Record(x.Saga, 9, "Draf diverifikasi Kepala Bidang", x.Message.Officer, Roles.DivisionHead, x.Message.VerifiedAt,
                        publicAction: "Draf keputusan diverifikasi Kepala Bidang");
                    Enter(x.Saga, 10, Roles.AgencyHead, x.Message.VerifiedAt, _levels[ServiceLevels.Signing]);
                })
                .TransitionTo(AwaitingSignature),
            When(DecisionReturned, x => x.Message.Role == Roles.DivisionHead && x.Message.Revision == x.Saga.Revision)
                .Then(x => BackToDrafting(x.Saga, 9, x.Message))
                .TransitionTo(InDrafting));

        // Step 10: the head signs (the applicant always receives a signed decision), or returns to drafting.
        During(AwaitingSignature,
            When(DecisionReturned, x => x.Message.Role == Roles.AgencyHead && x.Message.Revision == x.Saga.Revision)
                .Then(x => BackToDrafting(x.Saga, 10, x.Message))
                .TransitionTo(InDrafting),
            When(PermitIssued)
                .Then(x => Decide(x.Saga, x.Message.DocumentNumber, DecisionKind.Permit, x.Message.Signer, x.Message.SignedAt,
                    $"Izin ditandatangani secara elektronik dan diterbitkan, nomor {x.Message.DocumentNumber}"))
                .TransitionTo(Issued),
            When(PermitRejected)
                .Then(x => Decide(x.Saga, x.Message.DocumentNumber, DecisionKind.Rejection, x.Message.Signer, x.Message.SignedAt,
                    $"Surat penolakan ditandatangani secara elektronik, nomor {x.Message.DocumentNumber}"))
                .TransitionTo(Rejected));

        // While the file is with the applicant (step 3, or returned at step 4) they may correct the business data (Intake decides).
        During(Draft, ReturnedToApplicant,
            When(ApplicationUpdated)
                .Then(x =>
                {
                    x.Saga.BusinessName = x.Message.BusinessName;
                    Record(x.Saga, 3, "Data usaha diubah", x.Message.ApplicantUsername, Roles.Applicant, x.Message.UpdatedAt);
                }));

        // The applicant may withdraw at any step before the decision: the history says so, the clock stops (no alert, no
        // breach, no statutory warning), no desk holds the file, and the services that hold it close it.
        During([Draft, AwaitingCompletenessCheck, ReturnedToApplicant, OpeningTechnicalReview, AwaitingTechnicalData, InTechnicalReview, OpeningDrafting,
                InDrafting, SectionHeadVerification, DivisionHeadVerification, AwaitingSignature],
            When(WithdrawApplication, x => x.Message.ApplicantUsername == x.Saga.ApplicantUsername && Reason(x.Message.Reason) is null)
                .Then(x => WithdrawNow(x.Saga, x.Message, _calendar))
                .ThenAsync(x => x.RespondAsync(new CommandAccepted(x.Saga.CorrelationId)))
                .TransitionTo(Withdrawn),
            When(WithdrawApplication, x => x.Message.ApplicantUsername == x.Saga.ApplicantUsername && Reason(x.Message.Reason) is not null)
                .ThenAsync(x => x.RespondAsync(new CommandRefused(RefusalKind.Invalid, Reason(x.Message.Reason)!,
                    new Dictionary<string, string[]> { ["reason"] = [Reason(x.Message.Reason)!] }))));
        During(Issued, Rejected, Withdrawn, Revoked,
            When(WithdrawApplication, x => x.Message.ApplicantUsername == x.Saga.ApplicantUsername)
                .ThenAsync(x => x.RespondAsync(new CommandRefused(RefusalKind.Conflict,
                    x.Saga.CurrentState == nameof(Withdrawn)
                        ? "Permohonan ini sudah ditarik."
                        : "Permohonan ini sudah diputus; permohonan yang sudah diputus tidak dapat ditarik.", CurrentStep: x.Saga.CurrentStep))));
        DuringAny(
            When(WithdrawApplication, x => x.Message.ApplicantUsername != x.Saga.ApplicantUsername)
                .ThenAsync(x => x.RespondAsync(new CommandRefused(RefusalKind.NotFound, "Permohonan tidak ditemukan."))));
        // After the decision: the agency head may revoke the issued permit (Signing owns it; this keeps the history).
        During(Issued,
            When(PermitRevoked)
                // The reason is public: verification states it too.
                .Then(x => Record(x.Saga, 10, "Izin dicabut oleh Kepala DPMPTSP", x.Message.RevokedBy, Roles.AgencyHead, x.Message.RevokedAt,
                    x.Message.Reason, "Izin dicabut oleh Kepala DPMPTSP", x.Message.Reason))
                .TransitionTo(Revoked));

        // When time runs out (ADR 0004): the deadline watcher only says which rung came due for which step visit. A warning or
        // the breach of the step now running, or the statutory deadline still watched; a message for a step visit that ended,
        // or for a rung already handled, changes nothing.
        DuringAny(
            When(StepDeadlineReached, x => DeadlineAlerts.IsCurrentStepRung(x.Saga, x.Message))
                .ThenAsync(x => StepDeadline(x.Saga, x.Message.ReachedAt, x.CancellationToken)),
            When(StepDeadlineReached, x => DeadlineAlerts.IsCurrentStatutory(x.Saga, x.Message))
                .Then(x => StatutoryDeadline(x.Saga, x.Message.ReachedAt)));

        // The calendar changed: the open deadlines are counted again with it, and the history says why they moved.
        DuringAny(
            When(RecountDueTimes)
                .ThenAsync(async x =>
                {
                    if (await recount.InForceAsync(x.Message, x.CancellationToken))
                        recount.Recount(x.Saga, x.Message);
                }));
    }

    /// <summary>A warning goes to the role that must act; the breach goes to its supervisor, into the history and out as an event.</summary>
    async Task StepDeadline(PermitState saga, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = saga.CurrentStep!.Value;
        var role = saga.AssignedRole!;
        var (level, supervisor) = await _alerts.FireStepAsync(saga, saga, now, cancellationToken);
        if (level != AlertLevel.Breach)
            return;
        saga.History.Add(new HistoryEntry(step, $"Melewati batas waktu layanan langkah {step}", DeadlineAlerts.Actor, DeadlineAlerts.ActorRole, now,
            $"Atasan ({Roles.Title(supervisor!)}) telah diberi tahu.", Overdue: true));
        saga.Publish(new PermitStepOverdue(saga.CorrelationId, step, role, supervisor!, saga.DueAt ?? now, now), now);
    }

    /// <summary>The permit type's statutory time passed without a decision: flagged once, for officers, and the agency head is emailed.</summary>
    void StatutoryDeadline(PermitState saga, DateTimeOffset now)
    {
        saga.StatutoryCheckAt = null;
        saga.StatutoryDeadlinePassed = true;
        // The officers' warning, never the applicant's news: whether the permit counts as granted is for a decision to say.
        saga.History.Add(new HistoryEntry(saga.CurrentStep ?? 10, DeadlineAlerts.StatutoryWarning, DeadlineAlerts.Actor, DeadlineAlerts.ActorRole, now,
            "Batas waktu layanan menurut peraturan untuk jenis izin ini telah lewat tanpa keputusan. Segera putuskan.", Overdue: true,
            OfficersOnly: true));
        saga.Publish(new PermitStatutoryDeadlinePassed(saga.CorrelationId, saga.PermitTypeCode, saga.StatutoryDueAt!.Value, now), now);
        saga.Outgoing.Add(_alerts.StatutoryMail(saga, now));
    }

    /// <summary>Why a reason is refused (null: fine); the reason is optional.</summary>
    static string? Reason(string? reason) =>
        reason is { Length: > 1000 } ? "Alasan penarikan paling banyak 1000 karakter." : null;

    void WithdrawNow(PermitState saga, WithdrawApplication message, WorkingCalendar calendar)
    {
        var now = _time.GetUtcNow();
        var step = saga.CurrentStep;
        var reason = string.IsNullOrWhiteSpace(message.Reason) ? null : message.Reason.Trim();
        Record(saga, step ?? 3, "Permohonan ditarik (dibatalkan) oleh pemohon", message.ApplicantUsername, Roles.Applicant, now, reason);
        if (saga.Pauses.Count > 0 && saga.Pauses[^1].To is null)
            saga.Pauses[^1] = saga.Pauses[^1] with { To = now };
        // The running step was cut short, not missed: its time counts, but it is no step record (the SLA report counts finished steps).
        if (saga.AssignedRole is { } role && saga.StepStartedAt is { } started)
        {
            var worked = calendar.Between(started, now);
            if (role == Roles.Applicant)
                saga.ApplicantTime += worked;
            else
                saga.AgencyTime += worked;
        }

        saga.AssignedRole = null;
        saga.CurrentStep = null;
        saga.StepStartedAt = now;
        saga.DueAt = null;
        saga.StatutoryCheckAt = null;
        _escalation.Disarm(saga);
        saga.Publish(new ApplicationWithdrawn(saga.CorrelationId, saga.ApplicantUsername, step, reason, now), now);
    }

    string Schedule(TechnicalReviewScheduled message) =>
        message.ReviewKind == ReviewKind.Both && message.InspectionScheduledAt is { } inspection
            ? $"Rapat teknis pada {Time(message.ScheduledAt)} di {message.Location}; peninjauan lapangan pada {Time(inspection)} di {message.InspectionLocation}"
            : $"{ReviewName(message.ReviewKind)} pada {Time(message.ScheduledAt)} di {message.Location}";

    string Time(DateTimeOffset at) => $"{_calendar.ToAgencyTime(at):dd-MM-yyyy HH:mm}";

    void CorrelateAll()
    {
        Event(() => ApplicationSubmitted, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => ApplicationReturned, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => ApplicationAccepted, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => TechnicalReviewOpened, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => DraftingOpened, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => TechnicalReviewScheduled, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => InspectionReportUploaded, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => TechnicalRecommendationIssued, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => DecisionDrafted, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => DecisionVerified, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => DecisionReturned, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => PermitIssued, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => PermitRejected, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => ApplicationUpdated, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => TechnicalReviewRescheduled, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => PermitRevoked, x => { x.CorrelateById(m => m.Message.ApplicationId); x.OnMissingInstance(m => m.Fault()); });
        Event(() => StepDeadlineReached, x => { x.CorrelateById(m => m.Message.CorrelationId); x.OnMissingInstance(m => m.Discard()); });
        Event(() => RecountDueTimes, x => { x.CorrelateById(m => m.Message.CorrelationId); x.OnMissingInstance(m => m.Discard()); });
    }

    /// <summary>The case moves to <paramref name="step"/>: <paramref name="role"/> must act within <paramref name="target"/> working time (none: the clock stops).</summary>
    void Enter(PermitState saga, int? step, string? role, DateTimeOffset at, SlaTarget? target)
    {
        CloseStep(saga, at);
        saga.CurrentStep = step;
        saga.AssignedRole = role;
        saga.StepStartedAt = at;
        saga.DueAt = target?.DueFrom(_calendar, at);
        saga.StepTargetDays = target is { InDays: true } days ? days.WorkingDays : null;
        _escalation.Arm(saga, target);
    }

    /// <summary>The step now ending: its working time goes to the agency's or the applicant's clock, and (an officer's step) to the record.</summary>
    void CloseStep(PermitState saga, DateTimeOffset at)
    {
        if (saga.CurrentStep is not { } step || saga.StepStartedAt is not { } started || saga.AssignedRole is not { } role)
            return;
        var worked = _calendar.Between(started, at);
        if (role == Roles.Applicant)
        {
            saga.ApplicantTime += worked;
            return;
        }

        saga.AgencyTime += worked;
        saga.Steps.Add(new StepRecord(step, role, saga.PermitTypeCode, started, at, worked, saga.StepTarget, saga.DueAt is { } due && at > due));
    }

    /// <summary>Publishes where the file is now and whose desk it left (with the write that moved it).</summary>
    static void Announce(PermitState saga)
    {
        var at = saga.StepStartedAt ?? saga.CreatedAt;
        saga.Publish(new ApplicationProgressed(saga.CorrelationId, saga.ApplicantUsername, saga.PermitTypeCode, PermitSagas.Status(saga.CurrentState),
            saga.CurrentStep, saga.AssignedRole, saga.AnnouncedRole, saga.DueAt, saga.Version + 1, at), at);
        saga.AnnouncedRole = saga.AssignedRole;
    }

    /// <summary>
    /// Adds a line to the history; <paramref name="publicAction"/>/<paramref name="publicNote"/> are what the applicant reads instead
    /// (by default: the applicant's and the counter's entries as they are, others by the step's public wording without the note).
    /// </summary>
    static void Record(PermitState saga, int step, string action, string actor, string role, DateTimeOffset at, string? note = null,
        string? publicAction = null, string? publicNote = null) =>
        saga.History.Add(new HistoryEntry(step, action, actor, role, at, note, saga.DueAt is { } due && at > due, publicAction, publicNote));

    static void RecordAtItsTime(PermitState saga, HistoryEntry entry) =>
        saga.History.Insert(saga.History.FindLastIndex(h => h.At <= entry.At) + 1, entry);

    void BackToDrafting(PermitState saga, int step, DecisionReturned message)
    {
        var who = step switch { 8 => "Kepala Seksi", 9 => "Kepala Bidang", _ => "Kepala DPMPTSP" };
        Record(saga, step, $"Draf dikembalikan oleh {who} untuk diperbaiki", message.Officer, message.Role, message.ReturnedAt, message.Note,
            "Draf keputusan diperbaiki");
        Enter(saga, 7, Roles.BackOffice, message.ReturnedAt, _levels[ServiceLevels.Drafting]);
    }

    void Decide(PermitState saga, string documentNumber, DecisionKind kind, string signer, DateTimeOffset at, string action)
    {
        saga.DocumentNumber = documentNumber;
        saga.DecisionKind = kind;
        saga.StatutoryCheckAt = null;
        Record(saga, 10, action, signer, Roles.AgencyHead, at, publicAction: action);
        Enter(saga, null, null, at, null);
    }

    static string ReviewName(ReviewKind kind) => kind switch
    {
        ReviewKind.Meeting => "Rapat teknis",
        ReviewKind.Inspection => "Peninjauan lapangan",
        _ => "Rapat teknis dan peninjauan lapangan",
    };

    public State Draft { get; private set; } = null!;

    public State AwaitingCompletenessCheck { get; private set; } = null!;

    public State ReturnedToApplicant { get; private set; } = null!;

    public State OpeningTechnicalReview { get; private set; } = null!;

    public State AwaitingTechnicalData { get; private set; } = null!;

    public State InTechnicalReview { get; private set; } = null!;

    public State OpeningDrafting { get; private set; } = null!;

    public State InDrafting { get; private set; } = null!;

    public State SectionHeadVerification { get; private set; } = null!;

    public State DivisionHeadVerification { get; private set; } = null!;

    public State AwaitingSignature { get; private set; } = null!;

    public State Issued { get; private set; } = null!;

    public State Rejected { get; private set; } = null!;

    /// <summary>The applicant withdrew the application before the decision.</summary>
    public State Withdrawn { get; private set; } = null!;
    public State Revoked { get; private set; } = null!;

    public Event<ApplicationCreated> ApplicationCreated { get; private set; } = null!;

    public Event<ApplicationSubmitted> ApplicationSubmitted { get; private set; } = null!;

    public Event<ApplicationReturned> ApplicationReturned { get; private set; } = null!;

    public Event<ApplicationAccepted> ApplicationAccepted { get; private set; } = null!;

    public Event<TechnicalReviewOpened> TechnicalReviewOpened { get; private set; } = null!;

    public Event<TechnicalReviewScheduled> TechnicalReviewScheduled { get; private set; } = null!;

    public Event<InspectionReportUploaded> InspectionReportUploaded { get; private set; } = null!;

    public Event<TechnicalRecommendationIssued> TechnicalRecommendationIssued { get; private set; } = null!;

    public Event<DraftingOpened> DraftingOpened { get; private set; } = null!;

    public Event<DecisionDrafted> DecisionDrafted { get; private set; } = null!;

    public Event<DecisionVerified> DecisionVerified { get; private set; } = null!;

    public Event<DecisionReturned> DecisionReturned { get; private set; } = null!;

    public Event<PermitIssued> PermitIssued { get; private set; } = null!;

    public Event<PermitRejected> PermitRejected { get; private set; } = null!;

    public Event<ApplicationUpdated> ApplicationUpdated { get; private set; } = null!;

    public Event<TechnicalReviewRescheduled> TechnicalReviewRescheduled { get; private set; } = null!;

    public Event<WithdrawApplication> WithdrawApplication { get; private set; } = null!;
    public Event<PermitRevoked> PermitRevoked { get; private set; } = null!;

    public Event<StepDeadlineReached> StepDeadlineReached { get; private set; } = null!;

    public Event<RecountDueTimes> RecountDueTimes { get; private set; } = null!;
}
