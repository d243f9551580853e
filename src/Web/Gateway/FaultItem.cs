namespace Ptsp.Web.Gateway;

/// <summary>One fault as the Gateway answers it (Contracts' FaultView without the message body, which the page does not show).</summary>
public sealed record FaultItem(string Id, string Keeper, string Source, string Queue, Guid? MessageId, string MessageType, string? ApplicationId,
    string ExceptionType, string ExceptionMessage, string? StackTrace, int Attempts, DateTimeOffset OccurredAt, string Status, string? ResolvedBy,
    DateTimeOffset? ResolvedAt);
