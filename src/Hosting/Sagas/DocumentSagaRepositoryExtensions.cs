using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Sagas;

public static class DocumentSagaRepositoryExtensions
{
    /// <summary>Keeps a saga's instances in <paramref name="service"/>'s store, collection <paramref name="collection"/>.</summary>
    public static void DocumentRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator, string service, CollectionDefinition<TSaga> collection)
        where TSaga : class, SagaStateMachineInstance, ISagaVersion =>
        configurator.Repository(r =>
        {
            r.TryAddSingleton(provider => new SagaCollection<TSaga>(ct =>
                provider.GetRequiredService<StorageFactory>().OpenCollectionAsync(service, collection, ct)));
            r.RegisterLoadSagaRepository<TSaga, DocumentSagaRepositoryContextFactory<TSaga>>();
            r.RegisterSagaRepository<TSaga, IDocumentCollection<TSaga>, SagaConsumeContextFactory<IDocumentCollection<TSaga>, TSaga>,
                DocumentSagaRepositoryContextFactory<TSaga>>();
        });
}
