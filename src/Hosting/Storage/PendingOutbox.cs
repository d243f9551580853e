namespace Ptsp.Hosting.Storage;

public sealed record PendingOutbox(string DocumentId, IReadOnlyList<OutboxMessage> Messages);
