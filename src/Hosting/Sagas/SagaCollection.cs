using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Sagas;

/// <summary>Where a saga type's instances live: a service's store and a collection in it.</summary>
public sealed class SagaCollection<TSaga>(Func<CancellationToken, Task<IDocumentCollection<TSaga>>> open)
    where TSaga : class, ISagaVersion
{
    readonly Lazy<Task<IDocumentCollection<TSaga>>> _collection = new(() => open(CancellationToken.None));

    public Task<IDocumentCollection<TSaga>> GetAsync() => _collection.Value;
}
