using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Registrations;

public sealed class RegistrationSagas(StorageFactory storage)
{
    public static readonly CollectionDefinition<RegistrationState> Definition = new CollectionDefinition<RegistrationState>("registration-sagas")
        .Index("currentState")
        .Index("dueAt")
        .Index("nextAlertAt")
        .Index("submittedAt");

    public Task<IDocumentCollection<RegistrationState>> CollectionAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);
}
