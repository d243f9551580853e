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

/// <summary>Stores one anonymous answer; a redelivery finds its id taken and changes nothing.</summary>
public sealed class RecordSurveyResponseConsumer(SigningStore store) : IConsumer<RecordSurveyResponse>
{
    public async Task Consume(ConsumeContext<RecordSurveyResponse> context)
    {
        var m = context.Message;
        try
        {
            await (await store.SurveyResponsesAsync(context.CancellationToken)).InsertAsync(m.ResponseId.ToString(),
                new SurveyResponse { Id = m.ResponseId, PermitTypeCode = m.PermitTypeCode, Answers = m.Answers.ToList(), AnsweredAt = m.AnsweredAt },
                [], context.CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
        }
    }
}

public sealed class RecordSurveyResponseConsumerDefinition : ConsumerDefinition<RecordSurveyResponseConsumer>
{
    public RecordSurveyResponseConsumerDefinition() => EndpointName = SkmElements.QueueName;
}

/// <summary>Whether the application's survey is open to its applicant (decided, not yet answered).</summary>
public sealed class GetSurveyInvitationConsumer(SigningStore store) : IConsumer<GetSurveyInvitation>
{
    public async Task Consume(ConsumeContext<GetSurveyInvitation> context)
    {
        var m = context.Message;
        var stored = await (await store.DecisionsAsync(context.CancellationToken)).FindAsync(m.ApplicationId.ToString(), context.CancellationToken);
        if (stored is null)
        {
            // No decision yet (the Gateway has already checked the caller is an applicant; this says nothing about the file).
            await context.RespondAsync(new SurveyInvitation(m.ApplicationId, false, null));
            return;
        }

        if (stored.Document.ApplicantUsername != m.ApplicantUsername)
        {
            await context.NotFound("Permohonan tidak ditemukan.");
            return;
        }

        var d = stored.Document;
        await context.RespondAsync(new SurveyInvitation(d.Id, d.State == DecisionState.Signed && d.SurveyAnsweredAt is null, d.SurveyAnsweredAt));
    }
}

/// <summary>The SKM report of a period: each element's average, the IKM and its category (PermenPANRB 14/2017).</summary>
public sealed class GetSkmReportConsumer(SigningStore store) : IConsumer<GetSkmReport>
{
    public async Task Consume(ConsumeContext<GetSkmReport> context)
    {
        var m = context.Message;
        var found = await (await store.SurveyResponsesAsync(context.CancellationToken)).QueryAsync(
            Query.All.And("answeredAt", Operator.GreaterThanOrEqual, m.From).And("answeredAt", Operator.LessThan, m.To).Take(100_000),
            context.CancellationToken);
        await context.RespondAsync(SkmElements.Report(m.From, m.To, found.Select(f => f.Document.Answers).ToList()));
    }
}
