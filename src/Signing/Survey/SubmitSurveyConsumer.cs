using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Survey;

/// <summary>
/// The applicant's satisfaction survey (SKM) of one decided application: once, by its applicant, after the decision.
/// The decision is marked answered and, in the same write, the answers are sent on without the application
/// (<see cref="RecordSurveyResponse"/>), so the stored answer cannot be traced back to the applicant.
/// </summary>
public sealed class SubmitSurveyConsumer(SigningStore store, TimeProvider time) : IConsumer<SubmitSurvey>
{
    public async Task Consume(ConsumeContext<SubmitSurvey> context)
    {
        var m = context.Message;
        var decisions = await store.DecisionsAsync(context.CancellationToken);
        var stored = await decisions.FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        // Before drafting Signing holds no decision (and cannot tell an unknown id from one not here yet): not yet.
        if (stored is null)
        {
            await context.Conflict("Survei dapat diisi setelah keputusan atas permohonan ini ditandatangani.");
            return;
        }

        if (stored.Document.ApplicantUsername != m.ApplicantUsername)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var decision = stored.Document;
        if (decision.State != DecisionState.Signed)
        {
            await context.Conflict("Survei dapat diisi setelah keputusan atas permohonan ini ditandatangani.", decision.Step);
            return;
        }

        if (decision.SurveyAnsweredAt is not null)
        {
            await context.Conflict("Survei untuk permohonan ini sudah diisi. Terima kasih.");
            return;
        }

        var errors = SkmElements.Validate(m.Answers);
        if (errors.Count > 0)
        {
            await context.Invalid("Jawaban survei belum lengkap atau tidak valid.", errors);
            return;
        }

        var now = time.GetUtcNow();
        decision.SurveyAnsweredAt = now;
        await decisions.ReplaceAsync(stored.Id, decision, stored.Version,
            [OutboxMessage.Send(new RecordSurveyResponse(NewId.NextGuid(), decision.PermitTypeCode, m.Answers!.ToList(), now), SkmElements.Queue, now)],
            context.CancellationToken);
        await context.Accepted(decision.Id);
    }
}
