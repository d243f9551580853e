using System.Text.Json;

namespace Ptsp.Hosting.Storage;

public sealed record PendingOutbox(string DocumentId, IReadOnlyList<OutboxMessage> Messages);
