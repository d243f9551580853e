using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Survey;

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
