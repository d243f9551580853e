namespace Ptsp.Contracts.Ops;

/// <summary>
/// Asks one fault keeper (a service's <c>ops-faults-{service}</c> queue, ADR 0014) for the faults it recorded: messages whose
/// consumer failed after its retries, and outbox entries that could not be delivered. Replies <see cref="FaultList"/>.
/// </summary>
public sealed record ListFaults(bool IncludeResolved);
