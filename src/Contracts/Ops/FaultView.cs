namespace Ptsp.Contracts.Ops;

/// <summary>
/// One fault. <paramref name="Source"/>: <c>consume</c> (a consumer failed; <paramref name="Queue"/> is the queue it came from) or
/// <c>outbox</c> (an outbox entry was not delivered after its attempts; <paramref name="Queue"/> names the collection).
/// <paramref name="Status"/>: <c>Open</c>, <c>Replayed</c> or <c>Discarded</c>.
/// </summary>
public sealed record FaultView(
    string Id,
    string Keeper,
    string Source,
    string Queue,
    Guid? MessageId,
    string MessageType,
    string? ApplicationId,
    string ExceptionType,
    string ExceptionMessage,
    string? StackTrace,
    int Attempts,
    string Body,
    DateTimeOffset OccurredAt,
    string Status,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);
