using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

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
