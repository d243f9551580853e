using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

public sealed class SigningStore(StorageFactory storage)
{
    public static readonly CollectionDefinition<DecisionCase> DecisionsDefinition = new CollectionDefinition<DecisionCase>("decisions")
        .Index("state")
        .Index("documentNumber", unique: true)
        .Index("sha256");

    public Task<IDocumentCollection<DecisionCase>> DecisionsAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, DecisionsDefinition, cancellationToken);

    public static readonly CollectionDefinition<Survey.SurveyResponse> SurveyResponsesDefinition =
        new CollectionDefinition<Survey.SurveyResponse>("survey-responses").Index("answeredAt");

    public Task<IDocumentCollection<Survey.SurveyResponse>> SurveyResponsesAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, SurveyResponsesDefinition, cancellationToken);

    public IBlobStore Files => storage.OpenBlobs(Extensions.Store);

    public static string DecisionKey(Guid applicationId) => $"decisions/{applicationId}.pdf";

    public async Task<SequenceNumbers> SequencesAsync(CancellationToken cancellationToken = default) =>
        new(await storage.OpenCollectionAsync(Extensions.Store, SequenceNumbers.Definition, cancellationToken));
}
