using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

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
