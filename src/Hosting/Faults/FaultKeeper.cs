using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Faults;

/// <summary>The name under which a process keeps its faults: its service name (the store and the <c>ops-faults-{name}</c> queue).</summary>
public sealed record FaultKeeper(string Name)
{
    public string QueueName => $"ops-faults-{Name}";
}
