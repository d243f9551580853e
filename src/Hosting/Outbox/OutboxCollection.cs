using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

public sealed record OutboxCollection(string Name, Func<StorageFactory, CancellationToken, Task> OpenAsync);
