using Ptsp.Hosting.Storage;

namespace Ptsp.Intake.Applications;

/// <summary>The Intake service's collections and files.</summary>
public sealed class IntakeStore(StorageFactory storage)
{
    public static readonly CollectionDefinition<Application> ApplicationsDefinition = new CollectionDefinition<Application>("applications")
        .Index("applicantUsername")
        .Index("receiptNumber", unique: true);

    public Task<IDocumentCollection<Application>> ApplicationsAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, ApplicationsDefinition, cancellationToken);

    public async Task<SequenceNumbers> SequencesAsync(CancellationToken cancellationToken = default) =>
        new(await storage.OpenCollectionAsync(Extensions.Store, SequenceNumbers.Definition, cancellationToken));

    public IBlobStore Files => storage.OpenBlobs(Extensions.Store);

    /// <summary>The applicant's own application; anyone else's is answered as not found (existence must not leak).</summary>
    public async Task<(IDocumentCollection<Application> Applications, Stored<Application>? Own)> FindOwnAsync(Guid id, string applicant,
        CancellationToken cancellationToken)
    {
        var applications = await ApplicationsAsync(cancellationToken);
        var stored = await applications.FindAsync(id.ToString(), cancellationToken);
        return (applications, stored?.Document.ApplicantUsername == applicant ? stored : null);
    }

    public static string ReceiptKey(Guid applicationId) => $"receipts/{applicationId}.pdf";

    public static string DocumentKey(Guid applicationId, string requirement, Guid documentId) => $"applications/{applicationId}/{requirement}/{documentId}";
}
