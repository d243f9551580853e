namespace Ptsp.Contracts.Ops;

/// <summary>Marks a fault as dealt with without delivering it. Replies <see cref="FaultView"/> or <c>CommandRefused</c>.</summary>
public sealed record DiscardFault(string Id, string RequestedBy);
