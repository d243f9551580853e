using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Outbox;

/// <summary>Delivers one kind of outbox message ("publish", "send", "mail", ...).</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
