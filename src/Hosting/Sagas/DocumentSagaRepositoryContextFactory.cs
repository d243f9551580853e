using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Sagas;

/// <summary>
/// A saga repository on the storage port (MassTransit's Mongo and EF packages are not available here).
/// Insert-or-load by CorrelationId; updates only from the version that was loaded, otherwise a
/// <see cref="ConcurrencyConflictException"/> that the endpoint's retry answers with a fresh load.
/// </summary>
public sealed class DocumentSagaRepositoryContextFactory<TSaga>(
    SagaCollection<TSaga> sagas,
    ISagaConsumeContextFactory<IDocumentCollection<TSaga>, TSaga> factory,
    IEnumerable<ISagaWriteObserver<TSaga>> observers)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    readonly ISagaWriteObserver<TSaga>[] _observers = observers.ToArray();

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        var collection = await sagas.GetAsync();
        await next.Send(new DocumentSagaRepositoryContext<TSaga, T>(collection, context, factory, _observers));
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException("Sagas here correlate by id only; query correlation is not supported.");

    public async Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        await asyncMethod(new DocumentLoadSagaRepositoryContext<TSaga>(await sagas.GetAsync(), cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "ptsp-document-store");
}

sealed class DocumentSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    readonly IDocumentCollection<TSaga> collection;
    readonly ConsumeContext<TMessage> context;
    readonly ISagaConsumeContextFactory<IDocumentCollection<TSaga>, TSaga> factory;
    readonly ISagaWriteObserver<TSaga>[] observers;
    object?[] before = [];

    public DocumentSagaRepositoryContext(IDocumentCollection<TSaga> collection, ConsumeContext<TMessage> context,
        ISagaConsumeContextFactory<IDocumentCollection<TSaga>, TSaga> factory, ISagaWriteObserver<TSaga>[] observers)
        : base(context)
    {
        this.collection = collection;
        this.context = context;
        this.factory = factory;
        this.observers = observers;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance)
    {
        NoteBefore(instance);
        return factory.CreateSagaConsumeContext(collection, context, instance, SagaConsumeContextMode.Add);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        NoteBefore(instance);
        try
        {
            instance.Version = 1;
            await collection.InsertAsync(Key(instance.CorrelationId), instance, SagaOutbox.Take(instance), CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            // Someone created it first: MassTransit then loads it instead.
            return default!;
        }

        return await factory.CreateSagaConsumeContext(collection, context, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var stored = await collection.FindAsync(Key(correlationId), CancellationToken);
        if (stored is null)
            return default!;

        stored.Document.Version = checked((int)stored.Version);
        NoteBefore(stored.Document);
        return await factory.CreateSagaConsumeContext(collection, context, stored.Document, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        context.Saga.Version = 1;
        try
        {
            await collection.InsertAsync(Key(context.Saga.CorrelationId), context.Saga, SagaOutbox.Take(context.Saga), CancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            throw new ConcurrencyConflictException(collection.CollectionName, Key(context.Saga.CorrelationId));
        }

        TellWritten(context.Saga);
    }

    public async Task Update(SagaConsumeContext<TSaga> context)
    {
        if (context.Saga is ISagaOutbox { IsRepeat: true })
            return;

        var loaded = context.Saga.Version;
        context.Saga.Version = loaded + 1;
        await collection.ReplaceAsync(Key(context.Saga.CorrelationId), context.Saga, loaded, SagaOutbox.Take(context.Saga), CancellationToken);
        TellWritten(context.Saga);
    }

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        collection.DeleteAsync(Key(context.Saga.CorrelationId), context.Saga.Version, CancellationToken);

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(collection, consumeContext, instance, mode);

    static string Key(Guid correlationId) => correlationId.ToString();

    void NoteBefore(TSaga instance)
    {
        if (observers.Length > 0)
            before = observers.Select(o => o.Before(instance)).ToArray();
    }

    void TellWritten(TSaga instance)
    {
        for (var i = 0; i < observers.Length; i++)
            observers[i].Written(instance, i < before.Length ? before[i] : null);
    }
}

sealed class DocumentLoadSagaRepositoryContext<TSaga>(IDocumentCollection<TSaga> collection, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>
    where TSaga : class, ISagaVersion
{
    public async Task<TSaga> Load(Guid correlationId)
    {
        var stored = await collection.FindAsync(correlationId.ToString(), CancellationToken);
        if (stored is null)
            return null!;
        stored.Document.Version = checked((int)stored.Version);
        return stored.Document;
    }
}
