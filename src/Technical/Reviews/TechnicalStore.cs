using Ptsp.Hosting.Storage;

namespace Ptsp.Technical.Reviews;

public sealed class TechnicalStore(StorageFactory storage)
{
    public static readonly CollectionDefinition<TechnicalCase> CasesDefinition = new CollectionDefinition<TechnicalCase>("technical-cases")
        .Index("state");

    public Task<IDocumentCollection<TechnicalCase>> CasesAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, CasesDefinition, cancellationToken);

    public IBlobStore Files => storage.OpenBlobs(Extensions.Store);

    public static string ReportKey(Guid applicationId, Guid documentId) => $"inspection-reports/{applicationId}/{documentId}";
}
