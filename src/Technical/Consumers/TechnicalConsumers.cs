using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

/// <summary>
/// Workflow opens the technical file once the application is accepted (step 4 → 5). The file and the event
/// that tells Workflow it is open are one write, so back office is shown step 5 only when Technical can take
/// its action. A repeat changes nothing.
/// </summary>
public sealed class OpenTechnicalReviewConsumer(TechnicalStore store, TimeProvider time) : IConsumer<OpenTechnicalReview>
{
    public async Task Consume(ConsumeContext<OpenTechnicalReview> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        try
        {
            await (await store.CasesAsync(context.CancellationToken)).InsertAsync(m.ApplicationId.ToString(), new TechnicalCase
            {
                Id = m.ApplicationId,
                PermitTypeCode = m.PermitTypeCode,
                BusinessName = m.BusinessName,
                ApplicantName = m.ApplicantName,
                ApplicantEmail = string.IsNullOrWhiteSpace(m.ApplicantEmail) ? null : m.ApplicantEmail,
                PermitTypeName = m.PermitTypeName,
                ReceiptNumber = m.ReceiptNumber,
                Review = m.TechnicalReview,
                State = TechnicalState.AwaitingTechnicalData,
                OpenedAt = now,
            }, [OutboxMessage.Publish(new TechnicalReviewOpened(m.ApplicationId, now), now)], context.CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
        }
    }
}

public sealed class OpenTechnicalReviewConsumerDefinition : ConsumerDefinition<OpenTechnicalReviewConsumer>
{
    public OpenTechnicalReviewConsumerDefinition() => EndpointName = Queues.OpenTechnicalReview;
}

/// <summary>SOP step 5: back office records the technical data and schedules the meeting and/or field inspection.</summary>
public sealed class RecordTechnicalDataConsumer(TechnicalStore store, ReviewEmails emails, WorkingCalendar calendar, TimeProvider time)
    : IConsumer<RecordTechnicalData>
{
    public async Task Consume(ConsumeContext<RecordTechnicalData> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: TechnicalState.AwaitingTechnicalData })
        {
            await context.Conflict("Permohonan ini tidak sedang menunggu data teknis (langkah 5).", stored?.Document.Step);
            return;
        }

        var technical = stored.Document;
        var now = time.GetUtcNow();
        // Step 6 runs the permit type's NSPK time from now (Workflow counts it the same way): the review must take place inside it.
        var reviewDueAt = calendar.AddWorkingDays(now, technical.Review.WorkingDays);
        var errors = new Dictionary<string, string[]>();
        var data = m.Data ?? new Dictionary<string, string>();
        if (data.Count is 0 or > 100 || data.Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Key.Length > 100 || p.Value is null || p.Value.Length > 4000))
            errors["data"] = ["Data teknis wajib diisi: 1–100 isian, nama paling banyak 100 karakter, nilai paling banyak 4000 karakter."];
        // The kind is back office's choice (the catalogue's is only the default).
        var kind = m.ReviewKind ?? ReviewKind.Meeting;
        if (m.ReviewKind is null || !Enum.IsDefined(kind))
            errors["review.kind"] = ["Jenis kajian wajib diisi: Meeting (rapat), Inspection (peninjauan lapangan) atau Both (keduanya)."];
        var first = kind == ReviewKind.Inspection ? "peninjauan lapangan" : "rapat teknis";
        ScheduleWindow.Check(errors, "review.scheduledAt", m.ScheduledAt, now, reviewDueAt, technical.Review.WorkingDays, first, calendar);
        if (string.IsNullOrWhiteSpace(m.Location) || m.Location.Length > 500)
            errors["review.location"] = [$"Tempat {first} wajib diisi (paling banyak 500 karakter)."];
        if (kind == ReviewKind.Both)
        {
            ScheduleWindow.Check(errors, "review.inspection.scheduledAt", m.InspectionScheduledAt, now, reviewDueAt, technical.Review.WorkingDays,
                "peninjauan lapangan", calendar);
            if (string.IsNullOrWhiteSpace(m.InspectionLocation) || m.InspectionLocation.Length > 500)
                errors["review.inspection.location"] = ["Lokasi peninjauan lapangan wajib diisi (paling banyak 500 karakter)."];
        }

        if (errors.Count > 0)
        {
            await context.Invalid("Data teknis tidak valid.", errors);
            return;
        }

        technical.Data = new Dictionary<string, string>(data);
        technical.ScheduledKind = kind;
        technical.ScheduledAt = m.ScheduledAt!.Value;
        technical.Location = m.Location!.Trim();
        technical.ScheduledBy = m.Officer;
        technical.ReviewDueAt = reviewDueAt;
        technical.Sessions = kind == ReviewKind.Both
            ?
            [
                new ScheduledSession(ReviewKind.Meeting, technical.ScheduledAt.Value, technical.Location, []),
                new ScheduledSession(ReviewKind.Inspection, m.InspectionScheduledAt!.Value, m.InspectionLocation!.Trim(), []),
            ]
            : [new ScheduledSession(kind, technical.ScheduledAt.Value, technical.Location, [])];
        technical.State = TechnicalState.InReview;
        var inspection = kind == ReviewKind.Both ? technical.Sessions[1] : null;
        await cases.ReplaceAsync(stored.Id, technical, stored.Version,
            [
                OutboxMessage.Publish(new TechnicalReviewScheduled(technical.Id, m.Officer, kind, technical.ScheduledAt.Value, technical.Location, now,
                    inspection?.ScheduledAt, inspection?.Location, reviewDueAt), now),
                .. emails.Scheduled(technical, calendar.ToAgencyTime(technical.ScheduledAt.Value), now),
            ],
            context.CancellationToken);
        await context.Accepted(technical.Id);
    }
}

/// <summary>SOP step 6: the technical team recommends approval or rejection (after the BAP, where there was an inspection).</summary>
public sealed class RecordTechnicalRecommendationConsumer(TechnicalStore store, TimeProvider time) : IConsumer<RecordTechnicalRecommendation>
{
    public async Task Consume(ConsumeContext<RecordTechnicalRecommendation> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: TechnicalState.InReview })
        {
            await context.Conflict("Permohonan ini tidak sedang dalam kajian teknis (langkah 6).", stored?.Document.Step);
            return;
        }

        if (m.Recommendation is not { } recommendation)
        {
            await context.Invalid("recommendation", "Rekomendasi wajib diisi: Approve atau Reject.");
            return;
        }

        if (string.IsNullOrWhiteSpace(m.Notes) || m.Notes.Length > 8000)
        {
            await context.Invalid("notes", "Catatan rekomendasi wajib diisi (paling banyak 8000 karakter).");
            return;
        }

        var technical = stored.Document;
        if (technical.NeedsInspectionReport && technical.InspectionReport is null)
        {
            await context.Conflict("Unggah berita acara pemeriksaan (BAP) peninjauan lapangan sebelum memberi rekomendasi.");
            return;
        }

        var now = time.GetUtcNow();
        technical.Recommendation = recommendation;
        technical.Notes = m.Notes.Trim();
        technical.RecommendedBy = m.Officer;
        technical.RecommendedAt = now;
        technical.State = TechnicalState.Recommended;
        await cases.ReplaceAsync(stored.Id, technical, stored.Version,
            [OutboxMessage.Publish(new TechnicalRecommendationIssued(technical.Id, m.Officer, recommendation, technical.Notes, now), now)],
            context.CancellationToken);
        await context.Accepted(technical.Id);
    }
}

/// <summary>Step 6's window: a meeting or inspection takes place after now and before the NSPK time of the step runs out.</summary>
static class ScheduleWindow
{
    public static void Check(Dictionary<string, string[]> errors, string field, DateTimeOffset? at, DateTimeOffset now, DateTimeOffset dueAt, int workingDays,
        string what, WorkingCalendar calendar)
    {
        if (at is not { } value)
            errors[field] = [$"Jadwal {what} wajib diisi (ISO 8601 dengan zona waktu)."];
        else if (value <= now)
            errors[field] = [$"Jadwal {what} harus di masa mendatang."];
        else if (value > dueAt)
            errors[field] =
            [
                $"Jadwal {what} harus dalam batas waktu kajian teknis menurut NSPK jenis izin ini ({workingDays} hari kerja), " +
                $"yaitu paling lambat {PdfDocumentBuilder.IndonesianDateTime(calendar.ToAgencyTime(dueAt))}.",
            ];
    }
}

/// <summary>
/// SOP step 6: the meeting or the inspection moves to another time or place, for a reason the history keeps. The NSPK window set when
/// it was scheduled does not move, so a new date must still fall inside it.
/// </summary>
public sealed class RescheduleTechnicalReviewConsumer(TechnicalStore store, ReviewEmails emails, WorkingCalendar calendar, TimeProvider time) : IConsumer<RescheduleTechnicalReview>
{
    public async Task Consume(ConsumeContext<RescheduleTechnicalReview> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is not { Document.State: TechnicalState.InReview })
        {
            await context.Conflict("Jadwal hanya dapat diubah selama kajian teknis berlangsung (langkah 6).", stored?.Document.Step);
            return;
        }

        var technical = stored.Document;
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var index = m.Session is { } kind ? technical.Sessions.FindIndex(x => x.Kind == kind) : -1;
        if (m.Session is not (ReviewKind.Meeting or ReviewKind.Inspection))
            errors["session"] = ["Pilih yang dijadwalkan ulang: Meeting (rapat) atau Inspection (peninjauan lapangan)."];
        else if (index < 0)
            errors["session"] = [$"Permohonan ini tidak dijadwalkan {(m.Session == ReviewKind.Meeting ? "rapat teknis" : "peninjauan lapangan")}."];
        var what = m.Session == ReviewKind.Inspection ? "peninjauan lapangan" : "rapat teknis";
        var dueAt = technical.ReviewDueAt ?? calendar.AddWorkingDays(technical.OpenedAt, technical.Review.WorkingDays);
        ScheduleWindow.Check(errors, "scheduledAt", m.ScheduledAt, now, dueAt, technical.Review.WorkingDays, what, calendar);
        if (m.Location is { Length: > 500 })
            errors["location"] = ["Tempat paling banyak 500 karakter."];
        if (string.IsNullOrWhiteSpace(m.Reason) || m.Reason.Length > 1000)
            errors["reason"] = ["Alasan perubahan jadwal wajib diisi (paling banyak 1000 karakter)."];
        if (errors.Count > 0)
        {
            await context.Invalid("Perubahan jadwal tidak valid.", errors);
            return;
        }

        var session = technical.Sessions[index];
        var location = string.IsNullOrWhiteSpace(m.Location) ? session.Location : m.Location.Trim();
        var reason = m.Reason!.Trim();
        technical.Sessions[index] = session with
        {
            ScheduledAt = m.ScheduledAt!.Value,
            Location = location,
            Changes = [.. session.Changes, new ScheduleChange(session.ScheduledAt, session.Location, reason, m.Officer, now)],
        };
        if (index == 0)
        {
            technical.ScheduledAt = m.ScheduledAt!.Value;
            technical.Location = location;
        }

        await cases.ReplaceAsync(stored.Id, technical, stored.Version,
            [
                OutboxMessage.Publish(new TechnicalReviewRescheduled(technical.Id, m.Officer, m.Role, session.Kind, m.ScheduledAt!.Value, location, reason, now), now),
                .. emails.Rescheduled(technical, session, technical.Sessions[index], calendar.ToAgencyTime, now),
            ],
            context.CancellationToken);
        await context.Accepted(technical.Id);
    }
}

/// <summary>The technical file as officers read it back (the Gateway admits only the roles whose steps need it).</summary>
public sealed class GetTechnicalFileConsumer(TechnicalStore store) : IConsumer<GetTechnicalFile>
{
    public async Task Consume(ConsumeContext<GetTechnicalFile> context)
    {
        var stored = await (await store.CasesAsync(context.CancellationToken)).FindAsync(context.Message.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            await context.NotFound("Belum ada data teknis untuk permohonan ini (berkas belum sampai pada langkah 5).");
            return;
        }

        var t = stored.Document;
        // Files scheduled before sessions were kept have one session: the one scheduled.
        var sessions = t.Sessions.Count > 0 || t.ScheduledAt is null
            ? t.Sessions
            : [new ScheduledSession(t.ScheduledKind ?? t.Review.Kind, t.ScheduledAt.Value, t.Location ?? "", [])];
        await context.RespondAsync(new TechnicalFile(t.Id, t.Data, t.Review.Kind, t.Review.WorkingDays, t.ScheduledKind,
            sessions.Select(x => new ReviewSession(x.Kind, x.ScheduledAt, x.Location, x.Changes.Count)).ToList(), t.ReviewDueAt, t.ScheduledBy,
            t.InspectionReport is { } r ? new InspectionReportInfo(r.Sha256, r.Length, r.UploadedBy, r.UploadedAt) : null,
            t.Recommendation, t.Notes, t.RecommendedBy, t.RecommendedAt));
    }
}

/// <summary>
/// Workflow accepted the applicant's withdrawal: the technical file is closed, so no schedule, BAP or recommendation is taken any more.
/// A withdrawal that overtakes the opening leaves a closed file, so the late opening changes nothing.
/// </summary>
public sealed class TechnicalApplicationWithdrawnConsumer(TechnicalStore store, TimeProvider time) : IConsumer<ApplicationWithdrawn>
{
    public async Task Consume(ConsumeContext<ApplicationWithdrawn> context)
    {
        var m = context.Message;
        var cases = await store.CasesAsync(context.CancellationToken);
        var stored = await cases.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            // Only a file that Workflow asked to open can be on its way here (withdrawn at step 4 after the receipt).
            if (m.Step is not (4 or 5))
                return;
            try
            {
                await cases.InsertAsync(m.ApplicationId.ToString(),
                    new TechnicalCase { Id = m.ApplicationId, State = TechnicalState.Withdrawn, OpenedAt = time.GetUtcNow() }, cancellationToken: context.CancellationToken);
            }
            catch (DuplicateDocumentException)
            {
                // Opened meanwhile: the redelivery closes it.
                throw new ConcurrencyConflictException("technical-cases", m.ApplicationId.ToString());
            }

            return;
        }

        if (stored.Document.State is TechnicalState.Withdrawn or TechnicalState.Recommended)
            return;
        stored.Document.State = TechnicalState.Withdrawn;
        await cases.ReplaceAsync(stored.Id, stored.Document, stored.Version, cancellationToken: context.CancellationToken);
    }
}
