using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Calendar;
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
        var errors = new Dictionary<string, string[]>();
        var data = m.Data ?? new Dictionary<string, string>();
        if (data.Count is 0 or > 100 || data.Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Key.Length > 100 || p.Value is null || p.Value.Length > 4000))
            errors["data"] = ["Data teknis wajib diisi: 1–100 isian, nama paling banyak 100 karakter, nilai paling banyak 4000 karakter."];
        if (m.ReviewKind is not { } kind)
            errors["review.kind"] = ["Jenis kajian wajib diisi: Meeting, Inspection atau Both."];
        else if (technical.Review.Kind != ReviewKind.Both && kind != technical.Review.Kind && kind != ReviewKind.Both)
            errors["review.kind"] = [$"Jenis izin ini memerlukan {(technical.Review.Kind == ReviewKind.Meeting ? "rapat teknis" : "peninjauan lapangan")}."];
        else if (technical.Review.Kind == ReviewKind.Both && kind != ReviewKind.Both)
            errors["review.kind"] = ["Jenis izin ini memerlukan rapat teknis dan peninjauan lapangan (Both)."];
        if (m.ScheduledAt is not { } scheduledAt)
            errors["review.scheduledAt"] = ["Jadwal wajib diisi (ISO 8601 dengan zona waktu)."];
        else if (scheduledAt <= now)
            errors["review.scheduledAt"] = ["Jadwal rapat/peninjauan harus di masa mendatang."];
        if (string.IsNullOrWhiteSpace(m.Location) || m.Location.Length > 500)
            errors["review.location"] = ["Tempat rapat/peninjauan wajib diisi (paling banyak 500 karakter)."];
        if (errors.Count > 0)
        {
            await context.Invalid("Data teknis tidak valid.", errors);
            return;
        }

        technical.Data = new Dictionary<string, string>(data);
        technical.ScheduledKind = m.ReviewKind!.Value;
        technical.ScheduledAt = m.ScheduledAt!.Value;
        technical.Location = m.Location!.Trim();
        technical.ScheduledBy = m.Officer;
        technical.State = TechnicalState.InReview;
        await cases.ReplaceAsync(stored.Id, technical, stored.Version,
            [
                OutboxMessage.Publish(new TechnicalReviewScheduled(technical.Id, m.Officer, technical.ScheduledKind.Value, technical.ScheduledAt.Value,
                    technical.Location, now), now),
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
