using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Bus;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Survey;

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
