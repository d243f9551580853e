using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Faults;

/// <summary>
/// Faults ops can see and fix (ADR 0014): what a consumer could not process after its retries (recorded by
/// <see cref="RecordFaultFilter"/> on every endpoint's error pipe instead of the <c>_error</c> queue) and outbox entries
/// the dispatcher gave up on; listed, replayed (same message id, to the queue it came from) or discarded, each action logged.
/// </summary>
public sealed class FaultLog(StorageFactory storage, FaultKeeper keeper, IServiceProvider services, TimeProvider time, ILogger<FaultLog> logger)
{
    const int StackTraceLimit = 4000;
    const int ListLimit = 500;

    public static readonly CollectionDefinition<FaultDocument> Definition = new CollectionDefinition<FaultDocument>("faults")
        .Index("status").Index("messageId").Index("occurredAt");

    public string Keeper => keeper.Name;

    Task<IDocumentCollection<FaultDocument>> CollectionAsync(CancellationToken cancellationToken) =>
        storage.OpenCollectionAsync(keeper.Name, Definition, cancellationToken);

    /// <summary>Records a message whose consumer failed after its retries; an open fault of the same message and queue is not recorded twice.</summary>
    public async Task RecordConsumeFaultAsync(ExceptionReceiveContext context)
    {
        var body = context.Body.GetString();
        var queue = context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? context.InputAddress.ToString();
        Guid? messageId = null;
        string? messageType = null;
        string? applicationId = null;
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            if (root.TryGetProperty("messageId", out var id) && Guid.TryParse(id.GetString(), out var parsed))
                messageId = parsed;
            if (root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array)
                messageType = types.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null);
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object &&
                message.TryGetProperty("applicationId", out var application) && application.ValueKind == JsonValueKind.String)
                applicationId = application.GetString();
        }
        catch (JsonException)
        {
            // Not an envelope we can read: kept as it came, listed with what the transport said.
        }

        messageId ??= context.TransportHeaders.Get<Guid>("MessageId");
        var exception = Unwrap(context.Exception);
        var collection = await CollectionAsync(context.CancellationToken);
        if (messageId is { } known &&
            (await collection.QueryAsync(Query.By("messageId", known.ToString()).And("status", Operator.Equal, FaultDocument.Open))).Any(f => f.Document.Queue == queue))
            return;

        var fault = new FaultDocument
        {
            Source = FaultDocument.ConsumeSource,
            Queue = queue,
            MessageId = messageId,
            MessageType = messageType ?? "",
            ApplicationId = applicationId,
            ExceptionType = exception.GetType().FullName ?? exception.GetType().Name,
            ExceptionMessage = exception.Message,
            StackTrace = Limit(exception.ToString()),
            Attempts = context.TryGetPayload<ConsumeContext>(out var consumed) ? consumed.GetRetryAttempt() + 1 : 1,
            Body = body,
            OccurredAt = time.GetUtcNow(),
        };
        var faultId = Guid.NewGuid().ToString("N");
        await collection.InsertAsync(faultId, fault, cancellationToken: context.CancellationToken);
        Metrics.PtspMetrics.FaultRecorded(keeper.Name, FaultDocument.ConsumeSource);
        logger.LogError(exception, "Fault {FaultId}: {MessageType} {MessageId} on {Queue} failed after its retries (application {ApplicationId})",
            PublicId(faultId), fault.MessageType, messageId, queue, applicationId);
    }

    /// <summary>Records an outbox entry the dispatcher gave up on; the caller then removes it from its document.</summary>
    public async Task RecordOutboxFaultAsync(string collectionName, string documentId, OutboxMessage message, Exception exception, int attempts,
        CancellationToken cancellationToken)
    {
        var collection = await CollectionAsync(cancellationToken);
        var faultId = message.Id.ToString("N");
        var fault = new FaultDocument
        {
            Source = FaultDocument.OutboxSource,
            Queue = message.Destination ?? $"{message.Kind}:{collectionName}/{documentId}",
            MessageId = message.Id,
            MessageType = message.Type,
            ApplicationId = ApplicationIdOf(message.Body),
            ExceptionType = Unwrap(exception).GetType().FullName ?? exception.GetType().Name,
            ExceptionMessage = Unwrap(exception).Message,
            StackTrace = Limit(exception.ToString()),
            Attempts = attempts,
            Body = message.Body,
            Outbox = message,
            OccurredAt = time.GetUtcNow(),
        };
        try
        {
            await collection.InsertAsync(faultId, fault, cancellationToken: cancellationToken);
            Metrics.PtspMetrics.FaultRecorded(keeper.Name, FaultDocument.OutboxSource);
        }
        catch (DuplicateDocumentException)
        {
            // Recorded before a crash that kept the entry in its outbox: once is enough.
        }

        logger.LogError(exception, "Fault {FaultId}: outbox entry {MessageId} ({MessageType}) of {Collection}/{Document} not delivered after {Attempts} attempts",
            PublicId(faultId), message.Id, message.Type, collectionName, documentId, attempts);
    }

    public async Task<IReadOnlyList<FaultView>> ListAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        var collection = await CollectionAsync(cancellationToken);
        var query = (includeResolved ? Query.All : Query.By("status", FaultDocument.Open)).Sort("occurredAt", descending: true).Take(ListLimit);
        return (await collection.QueryAsync(query, cancellationToken)).Select(View).ToList();
    }

    /// <summary>Sends the message back to its queue with its own message id (or delivers the outbox entry once more), then marks the fault replayed.</summary>
    public async Task<object> ReplayAsync(string id, string requestedBy, CancellationToken cancellationToken) =>
        await ResolveAsync(id, requestedBy, FaultDocument.Replayed, async fault =>
        {
            if (fault.Outbox is { } entry)
            {
                var handler = services.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == entry.Kind)
                              ?? throw new InvalidOperationException($"No outbox handler for '{entry.Kind}'.");
                await handler.DeliverAsync(entry, cancellationToken);
                return;
            }

            await SendBackAsync(fault, cancellationToken);
        }, cancellationToken);

    public Task<object> DiscardAsync(string id, string requestedBy, CancellationToken cancellationToken) =>
        ResolveAsync(id, requestedBy, FaultDocument.Discarded, _ => Task.CompletedTask, cancellationToken);

    async Task<object> ResolveAsync(string id, string requestedBy, string status, Func<FaultDocument, Task> act, CancellationToken cancellationToken)
    {
        var documentId = DocumentId(id);
        var collection = await CollectionAsync(cancellationToken);
        var stored = documentId is null ? null : await collection.FindAsync(documentId, cancellationToken);
        if (stored is null)
            return new CommandRefused(RefusalKind.NotFound, "Gangguan tidak ditemukan.");
        if (stored.Document.Status != FaultDocument.Open)
            return new CommandRefused(RefusalKind.Conflict,
                $"Gangguan ini sudah ditangani ({(stored.Document.Status == FaultDocument.Replayed ? "dikirim ulang" : "dibuang")} oleh {stored.Document.ResolvedBy}).");

        try
        {
            await act(stored.Document);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Fault {FaultId} could not be replayed for {User}", id, requestedBy);
            return new CommandRefused(RefusalKind.Conflict, $"Pesan tidak dapat dikirim ulang: {e.Message}");
        }

        var fault = stored.Document;
        fault.Status = status;
        fault.ResolvedBy = requestedBy;
        fault.ResolvedAt = time.GetUtcNow();
        try
        {
            await collection.ReplaceAsync(stored.Id, fault, stored.Version, cancellationToken: cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new CommandRefused(RefusalKind.Conflict, "Gangguan ini baru saja ditangani orang lain.");
        }

        logger.LogInformation("Fault {FaultId} ({MessageType} {MessageId}, application {ApplicationId}) {Action} by {User}", id, fault.MessageType,
            fault.MessageId, fault.ApplicationId, status == FaultDocument.Replayed ? "replayed" : "discarded", requestedBy);
        return View(new Stored<FaultDocument>(stored.Id, stored.Version + 1, fault));
    }

    async Task SendBackAsync(FaultDocument fault, CancellationToken cancellationToken)
    {
        using var envelope = JsonDocument.Parse(fault.Body);
        var root = envelope.RootElement;
        var types = root.TryGetProperty("messageType", out var listed) && listed.ValueKind == JsonValueKind.Array
            ? listed.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList()
            : [fault.MessageType];
        var type = types.Select(MessageTypes.TryResolve).FirstOrDefault(t => t is not null)
                   ?? throw new InvalidOperationException($"jenis pesan {string.Join(", ", types)} tidak dikenal");
        var message = JsonSerializer.Deserialize(root.GetProperty("message").GetRawText(), type, SystemTextJsonMessageSerializer.Options)!;
        Guid? Id(string name) => root.TryGetProperty(name, out var value) && Guid.TryParse(value.GetString(), out var parsed) ? parsed : null;

        var bus = services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{fault.Queue}"));
        await endpoint.Send(message, type, Pipe.Execute<SendContext>(context =>
        {
            context.MessageId = fault.MessageId;
            context.CorrelationId = Id("correlationId");
            context.ConversationId = Id("conversationId");
            context.InitiatorId = Id("initiatorId");
            context.Headers.Set("Ptsp-Replayed-Fault", "true");
        }), cancellationToken);
    }

    FaultView View(Stored<FaultDocument> stored)
    {
        var f = stored.Document;
        return new FaultView(PublicId(stored.Id), keeper.Name, f.Source, f.Queue, f.MessageId, f.MessageType, f.ApplicationId, f.ExceptionType,
            f.ExceptionMessage, f.StackTrace, f.Attempts, f.Body, f.OccurredAt, f.Status, f.ResolvedBy, f.ResolvedAt);
    }

    /// <summary>A fault's public id names its keeper: <c>{keeper}.{id}</c>, so the Gateway knows whom to ask.</summary>
    string PublicId(string documentId) => $"{keeper.Name}.{documentId}";

    string? DocumentId(string publicId) =>
        publicId.StartsWith(keeper.Name + ".", StringComparison.Ordinal) && Guid.TryParseExact(publicId[(keeper.Name.Length + 1)..], "N", out _)
            ? publicId[(keeper.Name.Length + 1)..]
            : null;

    static string? ApplicationIdOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("applicationId", out var id) &&
                   id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;

    static string Limit(string text) => text.Length <= StackTraceLimit ? text : text[..StackTraceLimit];
}
