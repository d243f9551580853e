namespace Ptsp.Contracts.Ops;

/// <summary>
/// Asks one fault keeper (a service's <c>ops-faults-{service}</c> queue, ADR 0014) for the faults it recorded: messages whose
/// consumer failed after its retries, and outbox entries that could not be delivered. Replies <see cref="FaultList"/>.
/// </summary>
public sealed record ListFaults(bool IncludeResolved);

/// <summary>The faults one keeper holds, newest first.</summary>
public sealed record FaultList(string Keeper, IReadOnlyList<FaultView> Faults);

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

/// <summary>Puts a fault's message back on its queue (same message id), or delivers an outbox entry once more. Replies <see cref="FaultView"/> or <c>CommandRefused</c>.</summary>
public sealed record ReplayFault(string Id, string RequestedBy);

/// <summary>Marks a fault as dealt with without delivering it. Replies <see cref="FaultView"/> or <c>CommandRefused</c>.</summary>
public sealed record DiscardFault(string Id, string RequestedBy);
